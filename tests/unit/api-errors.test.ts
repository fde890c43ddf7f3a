// translateServerMessage(): what the browser shows for a server error item —
// the locale's wording of its code with its params, or the server's English
// message when the locale has no text for the code — over the app's real
// locale files. And every error code the core throws has that wording in en
// and es, with the same placeholders.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { serverMessageKeys, translateServerMessage } from '../../composables/useApiError'
import type { ServerMessage } from '../../composables/useApiError'
import { loadLocale, testI18n, translatorOf } from './support/locales'
import { lookup, placeholders } from './support/module-error-codes'

const es = translatorOf(testI18n('es'))
const en = translatorOf(testI18n('en'))

describe('translateServerMessage', () => {
  it('words a refusal in Spanish from its code and params, joining lists the Spanish way', () => {
    const item: ServerMessage = {
      code: 'modules.has_dependents',
      message: 'patients is needed by installed modules: agenda, patient_timeline (use force to remove them too)',
      params: { module: 'patients', dependents: ['agenda', 'patient_timeline'] },
    }
    expect(translateServerMessage(es, item)).toBe('patients es necesario para estos módulos instalados: agenda y patient_timeline.')
    expect(translateServerMessage(en, item)).toBe('patients is needed by installed modules: agenda and patient_timeline.')
  })

  it.each([
    [['sample_module'], 'sample_module'],
    [['a', 'b'], 'a y b'],
    [['a', 'b', 'c'], 'a, b y c'],
    [[], ''],
  ])('formats the list param %j as "%s" in Spanish', (dependents, joined) => {
    expect(translateServerMessage(es, { code: 'modules.has_dependents', message: 'x', params: { module: 'm', dependents } }))
      .toBe(`m es necesario para estos módulos instalados: ${joined}.`)
  })

  it('uses the English list format in English (serial comma)', () => {
    expect(translateServerMessage(en, { code: 'modules.migration_drift', message: 'x', params: { module: 'm', migrations: ['a', 'b', 'c'] } }))
      .toBe('m has applied migrations that are no longer on disk: a, b, and c.')
  })

  it('keeps numbers and free-form details as they are, behind a translated lead', () => {
    const item = { code: 'modules.step_failed.migrate', message: 'install failed at migrate: relation "x" already exists', params: { operation: 'install', step: 'migrate', detail: 'relation "x" already exists' } }
    expect(translateServerMessage(es, item)).toBe('Las migraciones han fallado: relation "x" already exists')
    expect(translateServerMessage(en, item)).toBe('The migrations failed: relation "x" already exists')
  })

  it('falls back to the server message for a code the locale does not know', () => {
    expect(translateServerMessage(es, { code: 'billing.invoice_locked', message: 'The invoice is locked', params: { invoice: 'F-1' } })).toBe('The invoice is locked')
    expect(translateServerMessage(es, { code: 'modules.error', message: 'something odd', params: { detail: 'something odd' } })).toBe('something odd')
  })

  it('falls back to the server message without a code, and says nothing for nothing', () => {
    expect(translateServerMessage(es, { message: 'plain text' })).toBe('plain text')
    expect(translateServerMessage(es, { code: null, message: 'plain text' })).toBe('plain text')
    expect(translateServerMessage(es, null)).toBe('')
    expect(translateServerMessage(es, undefined)).toBe('')
  })

  it('does not treat a group of keys as a message', () => {
    // `apiErrors.modules.step_failed` is an object (one text per step), not a text.
    expect(translateServerMessage(es, { code: 'modules.step_failed', message: 'English' })).toBe('English')
  })

  it('falls back to the server message when the i18n at hand cannot tell which keys exist', () => {
    const noTe = { t: (key: string) => key, locale: 'es' }
    expect(translateServerMessage(noTe, { code: 'modules.busy', message: 'Another module operation is in progress' })).toBe('Another module operation is in progress')
  })

  it('lets a module word its own codes under its own top-level key', () => {
    expect(serverMessageKeys('agenda.slot_taken')).toEqual(['apiErrors.agenda.slot_taken', 'agenda.errors.slot_taken'])
    expect(serverMessageKeys('not_found')).toEqual(['apiErrors.not_found'])
    const i18n = translatorOf(testI18n('es', { es: { agenda: { errors: { slot_taken: 'Ese hueco ya está ocupado ({time}).' } } } }))
    expect(translateServerMessage(i18n, { code: 'agenda.slot_taken', message: 'Slot taken', params: { time: '10:00' } })).toBe('Ese hueco ya está ocupado (10:00).')
  })

  it('words a shared validation message by its code, never by its English text', () => {
    expect(serverMessageKeys('validation.email')).toEqual(['validation.email'])
    expect(translateServerMessage(es, { code: 'validation.required', message: 'Required' })).toBe('Obligatorio')
    expect(translateServerMessage(es, { code: 'validation.password_digit', message: 'Must contain a digit' })).toBe('Debe contener un número')
    // zod's own codes are not translated: the English text is shown as is.
    expect(translateServerMessage(es, { code: 'invalid_type', message: 'Required' })).toBe('Required')
    expect(translateServerMessage(es, { code: 'too_small', message: 'Too small: expected string to have >=2 characters' })).toBe('Too small: expected string to have >=2 characters')
  })

  it('words a known code, whatever its English text', () => {
    expect(translateServerMessage(es, { code: 'auth.invalid_credentials', message: 'Required' })).toBe('Correo electrónico o contraseña incorrectos.')
  })
})

// ---------------------------------------------------------------------------

const root = fileURLToPath(new URL('../../', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter(d => d.isFile() && d.name.endsWith('.ts'))
    .map(d => readFileSync(join(d.parentPath, d.name), 'utf8'))
}

/** Every literal code the core throws: `new ModuleOperationError(kind, 'code', …)`, `conflict('code', …)`, `new DomainError(kind, 'code', …)`. */
function thrownCodes(): Set<string> {
  const codes = new Set<string>()
  const patterns = [
    /new (?:ModuleOperationError|DomainError)\(\s*'[a-z_]+',\s*'([a-z_.]+)'/g,
    /\b(?:notFound|forbidden|conflict|badRequest|unauthorized)\(\s*'([a-z_.]+)'/g,
    /\binvalid\(\s*'[^']*',\s*'([a-z_.]+)'/g,
  ]
  for (const text of sources('server')) {
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) codes.add(m[1]!)
  }
  return codes
}

// Codes built at run time (server/platform/service.ts, errors.ts, registry.ts).
const GRAPH_KINDS = ['unknown', 'missing', 'range', 'cycle']
const STEPS = ['migrate', 'seed', 'hook', 'finalize', 'backup', 'delete_data', 'migrate_down']
const BUILT = [
  ...GRAPH_KINDS.map(k => `modules.dependency_${k}`),
  ...STEPS.map(s => `modules.step_failed.${s}`),
  'modules.operation_failed', 'modules.skipped_dependency_failed', 'modules.skipped_dependency_missing',
  'modules.manifest_invalid', 'modules.duplicate_name', 'modules.load_failed',
  'modules.migration_drift', 'modules.stuck_operation', 'modules.embedded_database',
  'modules.core_too_old', 'modules.core_too_new', 'modules.interrupted_operation',
  // The one error mapping's answer to an unreachable database (server/error-handler.ts).
  'db.unavailable',
  // The default of unauthorized().
  'auth.unauthenticated',
]
// Answered by status in the browser (network, 422, 5xx), never worded by code.
const BY_STATUS = new Set(['validation_failed', 'not_ready', 'internal_error'])

describe('wording of the server error codes', () => {
  const codes = [...new Set([...thrownCodes(), ...BUILT])].filter(c => !BY_STATUS.has(c)).sort()

  it('finds the codes the core throws', () => {
    // A guard on the scan itself: a broken pattern must not make the next test pass vacuously.
    expect(codes).toEqual(expect.arrayContaining(['modules.has_dependents', 'modules.not_removable', 'modules.busy', 'auth.invalid_credentials', 'http.route_not_found']))
    expect(codes.length).toBeGreaterThan(40)
  })

  it.each(['en', 'es'] as const)('has a %s text for every code', (locale) => {
    const tree = loadLocale(locale)
    const missing = codes.filter(code => typeof lookup(tree, `apiErrors.${code}`) !== 'string')
    expect(missing).toEqual([])
  })

  it('uses the same placeholders in en and es', () => {
    const enTree = loadLocale('en')
    const esTree = loadLocale('es')
    for (const code of codes) {
      const key = `apiErrors.${code}`
      expect(placeholders(lookup(esTree, key) as string), key).toEqual(placeholders(lookup(enTree, key) as string))
    }
  })

  it('words every refusal of the module screen with the params the server sends', () => {
    // One sample per refusal; the text must use every param it names (no "{module}" left over).
    const samples: ServerMessage[] = [
      { code: 'modules.not_removable', message: '', params: { module: 'patients' } },
      { code: 'modules.pending', message: '', params: { module: 'patients', state: 'to_install' } },
      { code: 'modules.dependency_range', message: '', params: { module: 'agenda', dependency: 'patients', range: '^2.0', found: '1.0.0' } },
      { code: 'modules.dependency_cycle', message: '', params: { module: 'a', cycle: 'a → b → a' } },
      { code: 'modules.core_too_old', message: '', params: { module: 'a', required: '2.0.0', core: '1.0.0' } },
      { code: 'modules.core_too_new', message: '', params: { module: 'a', supported: '0.9.0', core: '1.0.0' } },
      { code: 'modules.downgrade', message: '', params: { module: 'a', version: '1.0.0', installed: '1.2.0' } },
      { code: 'modules.busy', message: '' },
    ]
    expect(samples.map(s => translateServerMessage(es, s))).toEqual([
      'patients no se puede desinstalar.',
      'patients ya tiene un cambio pendiente.',
      'agenda requiere patients ^2.0, pero la versión disponible es la 1.0.0.',
      'Las dependencias de los módulos forman un ciclo: a → b → a.',
      'a necesita DentalPin 2.0.0 o posterior; esta es la versión 1.0.0.',
      'a admite DentalPin hasta la 0.9.0; esta es la versión 1.0.0.',
      'a 1.0.0 en el disco es anterior a la 1.2.0 instalada; no se permite volver a una versión anterior.',
      'Hay otra operación de módulos en curso. Inténtalo de nuevo en un momento.',
    ])
  })
})
