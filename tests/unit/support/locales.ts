import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createI18n } from 'vue-i18n'
import type { ServerMessageI18n } from '../../../composables/useApiError'

export type Tree = { [key: string]: string | Tree }

// A path, not a URL: under happy-dom `URL` is the DOM's, which node:fs does not take.
const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../i18n/locales')
/** The area files each locale is merged from (nuxt.config.ts, i18n.locales[].files). */
export const AREAS = ['', 'shell.', 'settings.', 'modules.']

/** A locale's messages as the app loads them: its area files merged. */
export function loadLocale(code: 'en' | 'es'): Tree {
  return Object.assign({}, ...AREAS.map(area => JSON.parse(readFileSync(join(dir, `${area}${code}.json`), 'utf8')))) as Tree
}

/** A real vue-i18n instance over the app's messages (both locales, English as the fallback like the app). */
export function testI18n(locale: 'en' | 'es', extra: { en?: Tree, es?: Tree } = {}) {
  const i18n = createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    missingWarn: false,
    fallbackWarn: false,
    messages: { en: { ...loadLocale('en'), ...extra.en }, es: { ...loadLocale('es'), ...extra.es } },
  })
  return i18n.global
}

/** The shape translateServerMessage() takes, from a test i18n instance. */
export function translatorOf(global: ReturnType<typeof testI18n>): ServerMessageI18n {
  return { t: (key, named) => global.t(key, named), te: key => global.te(key), locale: global.locale.value }
}
