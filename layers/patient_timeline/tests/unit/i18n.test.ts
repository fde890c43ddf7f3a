import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TIMELINE_CATEGORIES } from '../../models'
import { PATIENT_TIMELINE_GROUPS } from '../../utils/patient-timeline'
import { TIMELINE_TEXTS } from '../../server/services/texts'

type Tree = { [key: string]: string | Tree }
const load = (code: string) => JSON.parse(readFileSync(new URL(`../../i18n/locales/${code}.json`, import.meta.url), 'utf8')) as Tree
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`))).sort()
const leaves = (tree: Tree): string[] => Object.values(tree).flatMap(v => (typeof v === 'string' ? [v] : leaves(v)))

describe('patient_timeline translations', () => {
  it('has the same keys in English and Spanish, all under patient_timeline, none empty', () => {
    const en = load('en')
    const es = load('es')
    expect(Object.keys(en)).toEqual(['patient_timeline'])
    expect(keys(es)).toEqual(keys(en))
    for (const tree of [en, es]) expect(leaves(tree).filter(v => !v.trim())).toEqual([])
  })

  it('names every category and group the UI shows', () => {
    const en = keys(load('en'))
    for (const c of TIMELINE_CATEGORIES) expect(en).toContain(`patient_timeline.categories.${c}`)
    for (const g of PATIENT_TIMELINE_GROUPS) expect(en).toContain(`patient_timeline.groups.${g}`)
  })

  it('writes server texts in both languages with the same field and status names', () => {
    expect(Object.keys(TIMELINE_TEXTS.es.fields).sort()).toEqual(Object.keys(TIMELINE_TEXTS.en.fields).sort())
    expect(Object.keys(TIMELINE_TEXTS.es.statuses).sort()).toEqual(Object.keys(TIMELINE_TEXTS.en.statuses).sort())
    expect(Object.keys(TIMELINE_TEXTS.es.documentTypes).sort()).toEqual(Object.keys(TIMELINE_TEXTS.en.documentTypes).sort())
  })
})
