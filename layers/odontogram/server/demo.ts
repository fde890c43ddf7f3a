// Demo charts for `npm run demo` (BaseModule.seedDemo): every demo patient
// gets a chart charted over past visits — a first examination (caries, old
// fillings and crowns found done elsewhere, a missing wisdom tooth), fillings
// performed a few weeks later, a cleaning, and work still planned — plus a
// few stories: a 3-unit bridge over a missing 46, an implant planned in a
// gap, a child with mixed dentition (sealed first molars, caries on a milk
// molar). Everything goes through the services, so projection, history,
// events and the timeline are exactly as in daily use.
import { addDays, clinicIso, clinicToday } from '#dentalpin'
import type { DemoContext } from '#dentalpin'
import type { Kysely } from 'kysely'
import { entryCreateSchema } from '../models'
import type { EntryCreateInput, OdontogramEntry } from '../models'
import type { Actor, OdontogramDb } from './db'
import { createEntry } from './services/entries'
import { cancelEntry, performEntry } from './services/entry-actions'

type Step = { days: number, hour: number, entry: EntryCreateInput & { code?: string }, perform?: { days: number, hour: number }, cancel?: boolean }

const t = (tooth: number, ...surfaces: ('M' | 'D' | 'O' | 'B' | 'L')[]) => ({ tooth, surfaces })
const caries = (tooth: number, ...s: ('M' | 'D' | 'O' | 'B' | 'L')[]): EntryCreateInput => ({ kind: 'condition', clinical_type: 'caries', teeth: [t(tooth, ...s)] })
const found = (type: 'filling' | 'crown' | 'root_canal', tooth: number, ...s: ('M' | 'D' | 'O' | 'B' | 'L')[]): EntryCreateInput => ({ kind: 'treatment', clinical_type: type, existing: true, teeth: [t(tooth, ...s)] })
const fill = (tooth: number, ...s: ('M' | 'D' | 'O' | 'B' | 'L')[]) => ({ kind: 'treatment' as const, code: 'RES-COMP', teeth: [t(tooth, ...s)] })

/** Rotating findings so no two adult charts look the same. */
const CARIES: [number, ...('M' | 'D' | 'O' | 'B' | 'L')[]][] = [[16, 'O'], [26, 'O', 'D'], [36, 'M', 'O'], [46, 'O'], [17, 'O'], [47, 'O', 'B'], [15, 'D'], [25, 'M'], [14, 'M', 'O', 'D'], [37, 'O']]
const OLD_FILLINGS: [number, ...('M' | 'D' | 'O' | 'B' | 'L')[]][] = [[27, 'O'], [37, 'O', 'L'], [46, 'M', 'O'], [16, 'O', 'B'], [24, 'D'], [35, 'O']]
const WISDOM = [18, 28, 38, 48]

/** The usual adult story, varied by `i`. */
function adultPlan(i: number): Step[] {
  const first = 420 - (i % 10) * 25
  const [c1, c2] = [CARIES[i % CARIES.length]!, CARIES[(i + 3) % CARIES.length]!]
  const old = OLD_FILLINGS[i % OLD_FILLINGS.length]!
  const steps: Step[] = [
    { days: first, hour: 9, entry: { kind: 'treatment', code: 'DIA-EXAM', scope: 'mouth', status: 'performed' } },
    { days: first, hour: 9, entry: caries(c1[0], ...c1.slice(1) as []) },
    { days: first, hour: 9, entry: found('filling', old[0], ...old.slice(1) as []) },
    { days: first, hour: 10, entry: fill(c1[0], ...c1.slice(1) as []), perform: { days: first - 21, hour: 11 } },
  ]
  if (c2[0] !== c1[0] && c2[0] !== old[0]) {
    steps.push({ days: first - 21, hour: 11, entry: caries(c2[0], ...c2.slice(1) as []) })
    steps.push({ days: first - 21, hour: 12, entry: fill(c2[0], ...c2.slice(1) as []), ...(i % 4 === 1 ? { perform: { days: 20, hour: 10 } } : i % 3 === 2 ? { cancel: true } : {}) })
  }
  if (i % 3 === 0) steps.push({ days: first, hour: 9, entry: { kind: 'condition', clinical_type: 'missing', teeth: [t(WISDOM[i % 4]!)] } })
  if (i % 5 === 2) steps.push({ days: first, hour: 9, entry: found('root_canal', 45) }, { days: first, hour: 9, entry: found('crown', 45) })
  if (i % 2 === 0) steps.push({ days: first - 60, hour: 16, entry: { kind: 'treatment', code: 'PRE-CLEAN', scope: 'mouth', status: 'performed' } })
  if (i % 6 === 4) steps.push({ days: 40, hour: 10, entry: { kind: 'condition', clinical_type: 'fracture', teeth: [t(11, 'M')] } }, { days: 40, hour: 10, entry: { kind: 'treatment', code: 'PRO-CRZR', teeth: [t(11)] } })
  return steps
}

/** Stories told once, by the patient's last name. */
const STORIES: Record<string, Step[]> = {
  // A 3-unit zirconia bridge over a missing 46, done over two visits.
  'Fernández López': [
    { days: 300, hour: 9, entry: { kind: 'condition', clinical_type: 'missing', teeth: [t(46)] } },
    { days: 300, hour: 10, entry: { kind: 'treatment', code: 'PRO-BRZR', teeth: [{ tooth: 45, role: 'pillar' }, { tooth: 46, role: 'pontic' }, { tooth: 47, role: 'pillar' }] }, perform: { days: 270, hour: 12 } },
  ],
  // A gap at 36 waiting for an implant; an old bridge planned the other side.
  'Muñoz Álvarez': [
    { days: 200, hour: 9, entry: { kind: 'condition', clinical_type: 'missing', teeth: [t(36)] } },
    { days: 200, hour: 10, entry: { kind: 'treatment', code: 'IMP-IMPLANT', teeth: [t(36)] } },
    { days: 200, hour: 9, entry: found('crown', 11) },
    { days: 200, hour: 9, entry: found('crown', 21) },
  ],
  // Elderly: wisdom teeth gone, root-filled and crowned molars, worn incisors.
  'Peña Calvo': [
    ...WISDOM.map(tooth => ({ days: 500, hour: 9, entry: { kind: 'condition' as const, clinical_type: 'missing' as const, teeth: [t(tooth)] } })),
    { days: 500, hour: 9, entry: found('root_canal', 26) },
    { days: 500, hour: 9, entry: found('crown', 26) },
    { days: 500, hour: 9, entry: { kind: 'condition', clinical_type: 'wear', teeth: [t(31, 'O'), t(41, 'O')] } },
    { days: 90, hour: 10, entry: { kind: 'condition', clinical_type: 'periapical_lesion', teeth: [t(46)] } },
    { days: 90, hour: 11, entry: { kind: 'treatment', code: 'END-3', teeth: [t(46)] }, perform: { days: 60, hour: 11 } },
    { days: 60, hour: 12, entry: { kind: 'treatment', code: 'PRO-CRZR', teeth: [t(46)] } },
  ],
  // A child with mixed dentition: first molars sealed, a milk molar with caries.
  'Garrido Prieto': [
    { days: 240, hour: 17, entry: { kind: 'treatment', code: 'PAE-CHECK', scope: 'mouth', status: 'performed' } },
    { days: 240, hour: 17, entry: { kind: 'treatment', code: 'PRE-SEAL', teeth: [t(16, 'O'), t(26, 'O'), t(36, 'O'), t(46, 'O')] }, perform: { days: 210, hour: 17 } },
    { days: 240, hour: 17, entry: { kind: 'condition', clinical_type: 'missing', teeth: [t(51), t(61)] } },
    { days: 30, hour: 17, entry: caries(75, 'O', 'D') },
    { days: 30, hour: 17, entry: caries(84, 'O') },
    { days: 30, hour: 18, entry: { kind: 'treatment', code: 'PAE-FILL', teeth: [t(75, 'O', 'D')] } },
    { days: 30, hour: 18, entry: { kind: 'treatment', code: 'PAE-FILL', teeth: [t(84, 'O')] }, perform: { days: 10, hour: 17 } },
  ],
}

export async function seedOdontogramDemo(ctx: DemoContext): Promise<void> {
  const db = ctx.db as Kysely<OdontogramDb>
  const grants = ['odontogram.*']
  const dentist: Actor = { clinicId: ctx.clinicId, userId: ctx.users.dentist ?? ctx.users.admin!, grants }
  const hygienist: Actor = { ...dentist, userId: ctx.users.hygienist ?? dentist.userId }
  const clinic = await db.selectFrom('clinics').select('timezone').where('id', '=', ctx.clinicId).executeTakeFirstOrThrow()
  const items = new Map((await db.selectFrom('catalog_items').select(['id', 'code']).where('clinic_id', '=', ctx.clinicId).where('deleted_at', 'is', null).execute()).map(r => [r.code, r.id]))
  const patients = await db.selectFrom('patients').select(['id', 'last_name']).where('clinic_id', '=', ctx.clinicId).where('status', '=', 'active').orderBy('last_name').execute()
  const today = clinicToday(clinic.timezone)
  const when = (days: number, hour: number) => clinicIso(addDays(today, -days), hour * 60, clinic.timezone)

  let count = 0
  for (const [i, patient] of patients.entries()) {
    const steps = [...(STORIES[patient.last_name] ?? adultPlan(i))].sort((a, b) => b.days - a.days || a.hour - b.hour)
    for (const step of steps) {
      const { code, ...fields } = step.entry
      const itemId = code ? items.get(code) : undefined
      // Without its catalog item (deleted by the clinic) an entry still charts, when it names its type.
      if (code && !itemId && !fields.clinical_type) continue
      const actor = code === 'PRE-CLEAN' ? hygienist : dentist
      const entry: OdontogramEntry = await createEntry(db, actor, patient.id, entryCreateSchema.parse({ ...fields, catalog_item_id: itemId, recorded_at: when(step.days, step.hour) }))
      if (step.perform) await performEntry(db, actor, entry.id, { performed_at: when(step.perform.days, step.perform.hour), notes: null })
      if (step.cancel) await cancelEntry(db, actor, entry.id, { reason: 'Patient preferred to wait' })
      count++
    }
  }
  ctx.logger.info(`demo: ${count} chart entries for ${patients.length} patients`)
}
