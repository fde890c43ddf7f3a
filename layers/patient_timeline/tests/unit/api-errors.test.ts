// Every error code the patient_timeline server throws has its wording in en and es
// under `patient_timeline.errors.<code>` (where useApiError looks for a module's
// codes), with the placeholders the server sends, and the browser shows it
// in Spanish (translateServerMessage over the app's and this layer's locales).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { serverMessageKeys, translateServerMessage } from '../../../../composables/useApiError'
import { testI18n, translatorOf } from '../../../../tests/unit/support/locales'
import type { Tree } from '../../../../tests/unit/support/locales'

const MODULE = 'patient_timeline'
const layer = fileURLToPath(new URL('../../', import.meta.url))

/** Every literal code thrown under server/, with the names of the params it is thrown with. */
function thrownCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>()
  const patterns = [
    /\b(?:notFound|forbidden|conflict|badRequest|unauthorized)\(\s*'([a-z_.]+)'(?:,\s*'[^']*'(?:,\s*\{([^}]*)\})?)?/g,
    /\binvalid\(\s*'[^']*',\s*'([a-z_.]+)'(?:,\s*'[^']*'(?:,\s*\{([^}]*)\})?)?/g,
  ]
  for (const d of readdirSync(join(layer, 'server'), { withFileTypes: true, recursive: true })) {
    if (!d.isFile() || !d.name.endsWith('.ts')) continue
    const text = readFileSync(join(d.parentPath, d.name), 'utf8')
    for (const pattern of patterns) {
      for (const m of text.matchAll(pattern)) {
        codes.set(m[1]!, (m[2] ?? '').split(',').map(p => p.split(':')[0]!.trim()).filter(Boolean).sort())
      }
    }
  }
  return codes
}

const locale = (code: 'en' | 'es') => JSON.parse(readFileSync(join(layer, `i18n/locales/${code}.json`), 'utf8')) as Tree
const lookup = (tree: Tree, key: string) => key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree)
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]!).sort()
/** The key useApiError finds for a module's code (its second candidate). */
const keyOf = (code: string) => serverMessageKeys(code).find(k => k.startsWith(`${MODULE}.errors.`))!

describe(`${MODULE} error codes`, () => {
  const codes = thrownCodes()

  it('finds the codes the server throws', () => {
    // A guard on the scan itself: a broken pattern must not make the next tests pass vacuously.
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['patient_timeline.patient_not_found']))
    for (const code of codes.keys()) expect(code.startsWith(`${MODULE}.`), code).toBe(true)
  })

  it.each(['en', 'es'] as const)('has a %s text for every code, with the params the server sends', (code) => {
    const tree = locale(code)
    for (const [error, params] of codes) {
      const text = lookup(tree, keyOf(error))
      expect(typeof text, keyOf(error)).toBe('string')
      expect(placeholders(text as string), keyOf(error)).toEqual(params)
    }
  })

  it('shows every code in Spanish through useApiError\'s wording', () => {
    const es = translatorOf(testI18n('es', { es: { [MODULE]: locale('es')[MODULE] as Tree }, en: { [MODULE]: locale('en')[MODULE] as Tree } }))
    for (const code of codes.keys()) {
      const shown = translateServerMessage(es, { code, message: 'English fallback' })
      expect(shown, code).toBe(lookup(locale('es'), keyOf(code)))
      expect(shown, code).not.toBe('English fallback')
    }
    expect(translateServerMessage(es, { code: 'patient_timeline.patient_not_found', message: 'Patient not found' })).toBe('Este paciente ya no existe.')
  })
})
