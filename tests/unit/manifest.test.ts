import { describe, expect, it } from 'vitest'
import { legacyManifest, ManifestError, OFFICIAL_MODULE, parseManifest, safeParseManifest } from '../../server/platform/manifest'

const base = { name: 'foo', version: '1.0.0', category: 'official', depends: [], installable: true, auto_install: false, removable: true }

function issuesOf(input: unknown) {
  const result = safeParseManifest(input)
  if (result.ok) return null
  return result.error.issues
}

// The manifest rules of docs/core-api.md "Manifest", one vector each: exactly these outcomes.
describe('manifest vectors', () => {
  it('accepts the minimal valid manifest', () => {
    expect(parseManifest(base)).toEqual(base)
  })

  it('accepts an official module built on OFFICIAL_MODULE: the core team\'s, always installed, never removed', () => {
    const parsed = parseManifest({ name: 'foo', version: '1.0.0', ...OFFICIAL_MODULE, depends: [] })
    expect(parsed).toMatchObject({ name: 'foo', author: 'DentalPin Core Team', license: 'BSL-1.1', category: 'official' })
    expect([parsed.installable, parsed.auto_install, parsed.removable]).toEqual([true, true, false])
  })

  const { version: _v, ...withoutVersion } = base
  it.each([
    ['version missing', withoutVersion, 'version'],
    ['name not snake_case', { ...base, name: 'Foo-Bar' }, 'name'],
    ['version not semver', { ...base, version: '1.0' }, 'version'],
    ['unknown category', { ...base, category: 'enterprise' }, 'category'],
    ['string boolean', { ...base, installable: 'false' }, 'installable'],
    ['role_permissions as a list', { ...base, role_permissions: ['read'] }, 'role_permissions'],
    ['unknown role', { ...base, role_permissions: { god: ['*'] } }, 'role_permissions.god'],
    ['community auto-install', { ...base, category: 'community', auto_install: true }, 'auto_install'],
    ['official layer_path', { ...base, category: 'official', frontend: { layer_path: 'frontend' } }, 'frontend.layer_path'],
    ['min > max core version', { ...base, min_core_version: '3.0.0', max_core_version: '2.0.0' }, 'min_core_version'],
    ['unknown key', { ...base, colour: 'blue' }, 'colour'],
    ['unknown nested key', { ...base, frontend: { navigation: [{ label: 'a', to: '/a', colour: 'x' }] } }, 'frontend.navigation[0].colour'],
    ['depends not an array', { ...base, depends: 'patients' }, 'depends'],
  ])('%s -> error at %s', (_label, input, path) => {
    const issues = issuesOf(input)
    expect(issues).not.toBeNull()
    expect(issues!.map(i => i.path)).toContain(path)
  })

  it('reports each unknown key on its own', () => {
    expect(issuesOf({ ...base, colour: 'blue', size: 3 })).toEqual([
      { path: 'colour', message: 'unknown key' },
      { path: 'size', message: 'unknown key' },
    ])
  })
})

describe('manifest rules', () => {
  it('reports every problem at once, each with its path', () => {
    let error: unknown
    try {
      parseManifest({ ...base, name: 'Bad Name', version: 'x', removable: 'no', frontend: { navigation: [{ label: 'nav.x', to: 'x', permission: 'other.read' }] } })
    }
    catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ManifestError)
    const paths = (error as ManifestError).issues.map(i => i.path)
    expect(paths).toEqual(expect.arrayContaining(['name', 'version', 'removable', 'frontend.navigation[0].to']))
  })

  it('requires navigation permissions to be namespaced with the module', () => {
    expect(issuesOf({ ...base, frontend: { navigation: [{ label: 'nav.foo', to: '/foo', permission: 'bar.read' }] } })!.map(i => i.path))
      .toEqual(['frontend.navigation[0].permission'])
    expect(issuesOf({ ...base, frontend: { navigation: [{ label: 'nav.foo', to: '/foo', permission: 'foo.read', order: 10 }] } })).toBeNull()
  })

  it('keeps community modules removable', () => {
    expect(issuesOf({ ...base, category: 'community', removable: false })!.map(i => i.path)).toEqual(['removable'])
    expect(issuesOf({ ...base, category: 'community', frontend: { layer_path: 'frontend' } })).toBeNull()
  })

  it.each([
    [['patients'], true],
    [['patients@^1.2'], true],
    [['patients@>=1.0.0 <2'], true],
    [['patients@not-a-range'], false],
    [['Patients'], false],
    [['foo'], false],
    [['patients', 'patients@^1'], false],
  ])('depends %j valid: %s', (depends, ok) => {
    expect(issuesOf({ ...base, depends }) === null).toBe(ok)
  })

  it.each([
    [['data/defaults.yaml'], true],
    [['../secrets.yaml'], false],
    [['/etc/passwd'], false],
  ])('data_files %j valid: %s', (files, ok) => {
    expect(issuesOf({ ...base, data_files: files }) === null).toBe(ok)
  })

  it('accepts prerelease and build versions', () => {
    expect(issuesOf({ ...base, version: '1.2.3-beta.1+build.5' })).toBeNull()
  })

  it('synthesises the legacy manifest with the documented defaults', () => {
    expect(legacyManifest('old_mod', '0.3.0', ['patients'])).toEqual({
      name: 'old_mod', version: '0.3.0', category: 'official', depends: ['patients'], installable: true, auto_install: false, removable: false,
    })
  })
})
