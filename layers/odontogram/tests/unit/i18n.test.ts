import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CLINICAL_TYPES } from '../../models'

type Tree = { [key: string]: string | Tree }
const layer = fileURLToPath(new URL('../../', import.meta.url))
const load = (code: string) => JSON.parse(readFileSync(join(layer, `i18n/locales/${code}.json`), 'utf8')) as Tree
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`))).sort()
const leaves = (tree: Tree): string[] => Object.values(tree).flatMap(v => (typeof v === 'string' ? [v] : leaves(v)))
const sources = (dir: string): string[] => readdirSync(join(layer, dir), { recursive: true, withFileTypes: true })
  .filter(f => f.isFile() && f.name.endsWith('.ts'))
  .map(f => readFileSync(join(f.parentPath, f.name), 'utf8'))

/** `odontogram.<name>` strings of the server that are not error codes: permissions and events. */
const NOT_ERRORS = new Set(['read', 'write', 'condition_recorded', 'treatment_planned', 'treatment_cancelled'])

describe('odontogram translations', () => {
  it('has the same keys in English and Spanish, all under odontogram, none empty', () => {
    const en = load('en')
    const es = load('es')
    expect(Object.keys(en)).toEqual(['odontogram'])
    expect(keys(es)).toEqual(keys(en))
    for (const tree of [en, es]) expect(leaves(tree).filter(v => !v.trim())).toEqual([])
  })

  it('names every clinical type', () => {
    const en = keys(load('en'))
    for (const type of CLINICAL_TYPES) expect(en, type).toContain(`odontogram.types.${type}`)
  })

  it('words every error code the server and the rules use', () => {
    const codes = new Set<string>()
    for (const text of [...sources('server'), ...sources('lib')]) {
      for (const [, code] of text.matchAll(/'odontogram\.([a-z_]+)'/g)) if (!NOT_ERRORS.has(code!)) codes.add(code!)
      for (const [, code] of text.matchAll(/issue\([^,]+, '([a-z_]+)'/g)) codes.add(code!)
    }
    expect(codes.size).toBeGreaterThan(30)
    const en = keys(load('en'))
    expect([...codes].filter(code => !en.includes(`odontogram.errors.${code}`)).sort()).toEqual([])
  })
})
