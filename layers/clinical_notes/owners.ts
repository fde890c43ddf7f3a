// What a note can be attached to (published: `#layers/clinical_notes/owners`).
// clinical_notes knows its own two owner types, `patient` and `tooth`; every
// other module that wants notes on its things (agenda: `appointment`,
// odontogram: `treatment`, treatment_plan: `plan`) registers its type from its
// module.ts, naming the function that tells whose patient an id is. So this
// module never imports or reads the tables of the modules that own the notes:
//
//   registerNoteOwnerType({ type: 'appointment', module: 'agenda', patientOf: appointmentPatient })
//
// The registry lives on globalThis, one per process, so every copy of this file
// a bundler makes sees the same types.
import type { Kysely } from 'kysely'

export interface NoteOwnerType {
  /** The `owner_type` of the notes (`^[a-z][a-z0-9_]*$`). */
  type: string
  /** The module that registers it (logged when its lookup fails). */
  module: string
  /**
   * The id of the patient the owner belongs to, when `ownerId` names one of
   * the clinic's; null otherwise (the note is refused with a 422). Runs on
   * the request's database, outside the note's transaction.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the owner's own tables, which this module does not know
  patientOf: (db: Kysely<any>, clinicId: string, ownerId: string) => Promise<string | null>
  /** Whether a note on this owner must name a tooth (the `tooth` type). */
  requiresTooth?: boolean
}

const KEY = Symbol.for('dentalpin.clinical_notes.owner_types')

function registry(): Map<string, NoteOwnerType> {
  const holder = globalThis as unknown as Record<symbol, Map<string, NoteOwnerType> | undefined>
  holder[KEY] ??= new Map()
  return holder[KEY]
}

/** Registers (or replaces, on a reload) an owner type. */
export function registerNoteOwnerType(owner: NoteOwnerType): void {
  registry().set(owner.type, owner)
}

/** The registered owner type, or undefined. */
export function noteOwnerType(type: string): NoteOwnerType | undefined {
  return registry().get(type)
}

/** Every registered owner type's name, sorted. */
export function noteOwnerTypeNames(): string[] {
  return [...registry().keys()].sort()
}
