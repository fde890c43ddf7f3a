import type { DemoContext } from '#dentalpin'

// Filled in with the demo charts (issue 11, odontogram step 2).
export async function seedOdontogramDemo(_ctx: DemoContext): Promise<void> {}
