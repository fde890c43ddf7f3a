// The official modules install on a fresh database as a community
// module would: their tables, the per-clinic cabinet seed, and the published
// models importable from their documented paths (docs/core-api.md "Importable models").
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clinic, ClinicMembership, User } from '#dentalpin'
import type { Patient, PatientsTables } from '#layers/patients/models'
import { patientCreateSchema } from '#layers/patients/models'
import type { Appointment, Cabinet, AgendaTables } from '#layers/agenda/models'
import { TRANSITIONS } from '#layers/agenda/models'
import type { PatientTimeline, PatientTimelineTables } from '#layers/patient_timeline/models'
import { TIMELINE_CATEGORIES } from '#layers/patient_timeline/models'
import type { ClinicalNote, ClinicalNotesTables } from '#layers/clinical_notes/models'
import { NOTE_TYPES } from '#layers/clinical_notes/models'
import { noteOwnerTypeNames } from '#layers/clinical_notes/owners'
import { clinicCreated } from '../../server/auth/hooks'
import { transaction } from '../../server/db/transaction'
import { startPlatform, stopPlatform } from '../../server/platform'
import { openTestDb } from '../support/database'
import type { OpenTestDb } from '../support/database'
import { officialEntries } from '../support/official-modules'
import { createClinic, moduleRow, tableNames, useTempStorage } from '../support/platform-fixtures'

let t: OpenTestDb
let storage: { restore: () => void }
let first: string

beforeAll(async () => {
  storage = useTempStorage()
  t = await openTestDb()
  first = await createClinic(t.db, 'First clinic')
  await startPlatform(t.db, officialEntries())
})

afterAll(async () => {
  await stopPlatform()
  await t?.close()
  storage?.restore()
})

describe('official modules', () => {
  it('auto-install in dependency order with their tables', async () => {
    for (const name of ['patients', 'clinical_notes', 'agenda', 'patient_timeline']) expect((await moduleRow(t.db, name))?.state, name).toBe('installed')
    expect(await tableNames(t.db)).toEqual(expect.arrayContaining([
      'patients', 'patients_medical_history', 'agenda_cabinets', 'agenda_appointments', 'agenda_appointment_history', 'patient_timeline',
      'clinical_notes_notes', 'clinical_notes_revisions', 'clinical_notes_templates',
    ]))
  })

  it('seed one cabinet for existing and new clinics', async () => {
    const later = await transaction(t.db, async (trx) => {
      const id = await createClinic(trx, 'Second clinic')
      await clinicCreated({ clinic_id: id, db: trx })
      return id
    })
    const rows = await (t.db as any).selectFrom('agenda_cabinets').select(['clinic_id', 'name']).execute() as { clinic_id: string, name: string }[]
    expect(rows.filter(r => r.clinic_id === first)).toEqual([{ clinic_id: first, name: 'Cabinet 1' }])
    expect(rows.filter(r => r.clinic_id === later)).toEqual([{ clinic_id: later, name: 'Cabinet 1' }])
  })

  it('publish their models from the documented import paths', () => {
    // Types are checked by the compiler; the runtime values prove the paths resolve.
    const names: Array<keyof PatientsTables | keyof AgendaTables | keyof PatientTimelineTables | keyof ClinicalNotesTables> = ['patients', 'agenda_appointments', 'patient_timeline', 'clinical_notes_notes']
    expect(names).toHaveLength(4)
    const typed: [Clinic?, ClinicMembership?, User?, Patient?, Appointment?, Cabinet?, PatientTimeline?, ClinicalNote?] = []
    expect(typed).toEqual([])
    expect(patientCreateSchema.safeParse({ first_name: 'Ana', last_name: 'García' }).success).toBe(true)
    expect(TRANSITIONS.completed).toEqual([])
    expect(TIMELINE_CATEGORIES).toContain('visit')
    expect(NOTE_TYPES).toEqual(['administrative', 'diagnosis', 'treatment', 'progress'])
    // clinical_notes' own owner types, and agenda's, odontogram's and treatment_plan's, registered when their module.ts loaded.
    expect(noteOwnerTypeNames()).toEqual(['appointment', 'patient', 'plan', 'tooth', 'treatment'])
  })
})
