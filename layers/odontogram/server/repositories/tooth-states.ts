import type { Kysely } from 'kysely'
import type { ToothState } from '../../models'
import type { OdontogramDb } from '../db'

type Db = Kysely<OdontogramDb>

/** The projection of the patient: one row per tooth that carries anything. */
export async function readToothStates(db: Db, clinicId: string, patientId: string) {
  return db.selectFrom('odontogram_tooth_states').select(['tooth', 'present', 'whole', 'surfaces', 'conditions', 'treatments'])
    .where('clinic_id', '=', clinicId).where('patient_id', '=', patientId).orderBy('tooth').execute()
}

/** Replaces the rows of `teeth` with `states` (a tooth missing from `states` has nothing charted: no row). */
export async function replaceToothStates(db: Db, clinicId: string, patientId: string, teeth: readonly number[], states: ReadonlyMap<number, ToothState>) {
  if (teeth.length === 0) return
  await db.deleteFrom('odontogram_tooth_states').where('patient_id', '=', patientId).where('tooth', 'in', [...teeth]).execute()
  const rows = teeth.flatMap(tooth => (states.has(tooth) ? [states.get(tooth)!] : [])).map(s => ({
    clinic_id: clinicId,
    patient_id: patientId,
    tooth: s.tooth,
    present: s.present,
    whole: JSON.stringify(s.whole),
    surfaces: JSON.stringify(s.surfaces),
    conditions: JSON.stringify(s.conditions),
    treatments: JSON.stringify(s.treatments),
  }))
  if (rows.length) await db.insertInto('odontogram_tooth_states').values(rows).execute()
}
