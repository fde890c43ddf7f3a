// The one import path for module code running in the browser (components,
// composables, plugins, pages): `import { clinicIso } from '#dentalpin/client'`.
// Server code imports from `#dentalpin` instead. Everything exported here is
// covered by the deprecation policy (docs/core-api.md).
export * from './clinic-time'
export * from './money'
export type { AssertTrue, CoreSlots, ModuleSlots, SameShape, SlotAppointment, SlotContext, SlotContexts, SlotEntry, SlotName, SlotPatient } from './types/slots'
export { CANONICAL_SLOTS } from './types/slots'
export type { ApiResponse, ErrorItem, ErrorResponse, PaginatedApiResponse } from './types/envelope'
export type { Tone, ToneColor } from './tones'
