// The check every module layer runs on its server error codes: each literal
// code thrown under `<layer>/server` has en and es wording under
// `<module>.errors.<code>` (where useApiError looks for a module's codes),
// with the placeholders the server sends, and the browser shows it in Spanish.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serverMessageKeys, translateServerMessage } from '../../../composables/useApiError'
import { testI18n, translatorOf } from './locales'
import type { Tree } from './locales'

/** Every literal code thrown under `dir`, with the names of the params it is thrown with. */
export function thrownCodes(dir: string): Map<string, string[]> {
  const codes = new Map<string, string[]>()
  const patterns = [
    /\b(?:notFound|forbidden|conflict|badRequest|unauthorized)\(\s*'([a-z_.]+)'(?:,\s*'[^']*'(?:,\s*\{([^}]*)\})?)?/g,
    /\binvalid\(\s*'[^']*',\s*'([a-z_.]+)'(?:,\s*'[^']*'(?:,\s*\{([^}]*)\})?)?/g,
  ]
  for (const d of readdirSync(dir, { withFileTypes: true, recursive: true })) {
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

export const lookup = (tree: Tree, key: string) => key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree)
export const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]!).sort()

/**
 * Registers the suite for one layer. `expected` are codes the scan must find
 * (a guard: a broken pattern must not make the other tests pass vacuously);
 * `sample` is one code with its Spanish text (and the params it is sent with), checked literally.
 */
export function describeModuleErrorCodes(module: string, layerDir: string, expected: string[], sample: { code: string, es: string, params?: Record<string, string | number> }) {
  const locale = (code: 'en' | 'es') => JSON.parse(readFileSync(join(layerDir, `i18n/locales/${code}.json`), 'utf8')) as Tree
  /** The key useApiError finds for a module's code (its second candidate). */
  const keyOf = (code: string) => serverMessageKeys(code).find(k => k.startsWith(`${module}.errors.`))!

  describe(`${module} error codes`, () => {
    const codes = thrownCodes(join(layerDir, 'server'))

    it('finds the codes the server throws', () => {
      expect([...codes.keys()]).toEqual(expect.arrayContaining(expected))
      for (const code of codes.keys()) expect(code.startsWith(`${module}.`), code).toBe(true)
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
      const es = translatorOf(testI18n('es', { es: { [module]: locale('es')[module] as Tree }, en: { [module]: locale('en')[module] as Tree } }))
      for (const [code, params] of codes) {
        // Each param sent as its own placeholder, so the wording comes back as written.
        const shown = translateServerMessage(es, { code, message: 'English fallback', params: Object.fromEntries(params.map(p => [p, `{${p}}`])) })
        expect(shown, code).toBe(lookup(locale('es'), keyOf(code)))
        expect(shown, code).not.toBe('English fallback')
      }
      expect(translateServerMessage(es, { code: sample.code, message: 'English fallback', params: sample.params })).toBe(sample.es)
    })
  })
}
