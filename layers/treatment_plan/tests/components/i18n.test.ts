// The layer's words: the same keys in English and Spanish, none empty, and
// every status, reason, phase, pipeline tab and error code of the contract worded.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CLOSE_REASONS, ITEM_STATUSES, PIPELINE_TABS, PLAN_ACTIONS, PLAN_PHASES, PLAN_STATUSES } from '../../models'

type Tree = { [key: string]: string | Tree }
// A path, not a URL: under happy-dom `URL` is the DOM's, which node:fs does not take.
const layer = join(dirname(fileURLToPath(import.meta.url)), '../..')
const load = (code: string) => JSON.parse(readFileSync(join(layer, `i18n/locales/${code}.json`), 'utf8')) as Tree
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`))).sort()
const leaves = (tree: Tree): string[] => Object.values(tree).flatMap(v => (typeof v === 'string' ? [v] : leaves(v)))

const ERROR_CODES = [
  'plan_not_found', 'item_not_found', 'patient_not_found', 'appointment_not_found', 'professional_not_found', 'plan_read_only',
  'not_deletable', 'items_locked', 'item_not_pending', 'treatment_not_found', 'treatment_not_plannable', 'treatment_in_other_plan',
  'reorder_mismatch', 'already_in_status', 'illegal_transition', 'empty_plan', 'appointment_closed', 'duplicate_item',
  'invalid_visit_items', 'item_other_patient', 'plan_not_open', 'patient_archived', 'one_source', 'already_in_plan',
]

describe('treatment_plan translations', () => {
  it('has the same keys in English and Spanish, under nav and treatment_plan only, none empty', () => {
    const en = load('en')
    const es = load('es')
    expect(Object.keys(en).sort()).toEqual(['nav', 'treatment_plan'])
    expect(keys(es)).toEqual(keys(en))
    for (const tree of [en, es]) expect(leaves(tree).filter(v => !v.trim())).toEqual([])
  })

  it('words every status, action, reason, phase, tab and error code', () => {
    const en = keys(load('en'))
    const wanted = [
      'nav.treatment_plans',
      ...PLAN_STATUSES.map(s => `treatment_plan.status.${s}`),
      ...ITEM_STATUSES.map(s => `treatment_plan.itemStatus.${s}`),
      ...PLAN_ACTIONS.flatMap(a => [`treatment_plan.actions.${a}`, `treatment_plan.actions.done.${a}`]),
      ...CLOSE_REASONS.map(r => `treatment_plan.reasons.${r}`),
      ...PLAN_PHASES.map(p => `treatment_plan.phases.${p}`),
      ...PIPELINE_TABS.flatMap(tab => [`treatment_plan.board.tabs.${tab}`, `treatment_plan.board.hints.${tab}`]),
      ...ERROR_CODES.map(code => `treatment_plan.errors.${code}`),
    ]
    expect(wanted.filter(key => !en.includes(key))).toEqual([])
  })
})
