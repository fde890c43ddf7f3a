import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClinic, NO_LOGIN_LIMIT, setupOwner, signedInMember } from '../support/fixtures'
import type { ApiClient } from '../support/http'
import { isErrorEnvelope } from '../support/http'
import { startServer } from '../support/server'
import type { TestServer } from '../support/server'
import { ownerSuite } from '../support/suite'

// The module lifecycle over HTTP, with the fixture community modules of the
// test build: sample_base, sample_module (depends on sample_base) and
// sample_broken (invalid manifest).
/** The fixture modules' names or namespaced permissions (the official modules are always there too). */
const sampleOnly = (items: string[]) => items.filter(i => i.startsWith('sample_'))

describe('module lifecycle REST', () => {
  const suite = ownerSuite()
  let hygienist: ApiClient
  let dentist: ApiClient

  beforeAll(async () => {
    hygienist = (await signedInMember(suite.owner, { email: 'hy@clinic.test', role: 'hygienist', password: 'Hygien1st' })).api
    dentist = (await signedInMember(suite.owner, { email: 'de@clinic.test', role: 'dentist', password: 'Dent1st99' })).api
  })

  const info = async (name: string) => (await suite.owner.get(`/api/v1/modules/${name}`)).body.data

  it('lists every module with its state, and the broken one with its manifest errors', async () => {
    const res = await suite.owner.get('/api/v1/modules')
    expect(res.status).toBe(200)
    const byName = Object.fromEntries(res.body.data.map((m: any) => [m.name, m]))
    // The official modules (auto-installed at boot) are listed too.
    expect(Object.keys(byName)).toEqual(['agenda', 'catalog', 'clinical_notes', 'odontogram', 'patient_timeline', 'patients', 'sample_base', 'sample_broken', 'sample_module', 'treatment_plan'])
    expect(byName.patients).toMatchObject({ state: 'installed', category: 'official', removable: false, auto_install: true })
    expect(byName.sample_module).toMatchObject({ state: 'uninstalled', version: '1.0.0', installed_version: null, in_disk: true, category: 'community', depends: ['sample_base@^1.0'] })
    expect(byName.sample_base.dependents).toEqual(['sample_module'])
    expect(byName.sample_broken.load_issues.map((i: any) => i.path)).toEqual(expect.arrayContaining(['version', 'category', 'depends', 'colour']))
  })

  it('gives the broken module\'s load error a stable code and params, next to the English text', async () => {
    const broken = (await suite.owner.get('/api/v1/modules')).body.data.find((m: any) => m.name === 'sample_broken')
    expect(broken.load_error).toEqual({ code: 'modules.manifest_invalid', message: expect.stringContaining('Invalid manifest'), params: { module: 'sample_broken', source: expect.any(String) } })
    expect(broken).toMatchObject({ error: null, problems: [] })
    for (const gone of ['error_message', 'error_item', 'load_error_item', 'problem_items']) expect(broken).not.toHaveProperty(gone)
  })

  it('guards module management: anonymous 401, non-admin 403, admin of another clinic 403', async () => {
    const anonymous = await fetch(`${suite.server.url}/api/v1/modules`)
    expect(anonymous.status).toBe(401)
    expect((await dentist.get('/api/v1/modules')).status).toBe(403)
    const other = await createClinic(suite.owner, 'Second clinic')
    const otherAdmin = (await signedInMember(suite.owner, { email: 'boss2@clinic.test', role: 'admin', password: 'Boss2pass' }, other.id)).api
    const res = await otherAdmin.post('/api/v1/modules/sample_base/install')
    expect(res.status).toBe(403)
    expect(isErrorEnvelope(res.body)).toBe(true)
  })

  it('answers 404 for the routes of a module that is not installed', async () => {
    const res = await suite.owner.get('/api/v1/sample_module/notes')
    expect(res.status).toBe(404)
    expect(isErrorEnvelope(res.body)).toBe(true)
  })

  it('plans an install as a dry run without changing anything', async () => {
    const res = await suite.owner.post('/api/v1/modules/sample_module/install?dry_run=true')
    expect(res.status).toBe(200)
    expect(res.body.data.chain).toEqual(['sample_base', 'sample_module'])
    const [base, mod] = res.body.data.plans
    expect(base.tables_created).toEqual(['sample_base'])
    expect(mod.migrations).toEqual(['20260101000000_create_notes', '20260102000000_create_log'])
    expect(mod.tables_created.sort()).toEqual(['sample_module_log', 'sample_module_notes'])
    expect(mod.seeds).toEqual([{ file: 'data/defaults.yaml', records: 1 }])
    expect((await info('sample_module')).state).toBe('uninstalled')
    expect((await info('sample_base')).state).toBe('uninstalled')
  })

  it('refuses unknown and broken modules', async () => {
    expect((await suite.owner.post('/api/v1/modules/nope/install')).status).toBe(404)
    const broken = await suite.owner.post('/api/v1/modules/sample_broken/install')
    expect(broken.status).toBe(409)
    expect(broken.body.message).toContain('sample_broken')
  })

  it('gives each refusal its code and params on the error item, keeping the English message', async () => {
    const unknown = await suite.owner.post('/api/v1/modules/nope/install?dry_run=true')
    expect(unknown.body.errors).toEqual([{ code: 'modules.unknown', message: 'Unknown module: nope', params: { module: 'nope' } }])
    const broken = await suite.owner.post('/api/v1/modules/sample_broken/install')
    expect(broken.body.errors).toEqual([{ code: 'modules.broken', message: broken.body.message, params: { module: 'sample_broken', detail: expect.stringContaining('Invalid manifest') } }])
    const notInstalled = await suite.owner.post('/api/v1/modules/sample_module/uninstall?dry_run=true')
    expect(notInstalled.status).toBe(409)
    expect(notInstalled.body.errors[0]).toMatchObject({ code: 'modules.not_installed', params: { module: 'sample_module', state: 'uninstalled' } })
  })

  it('schedules the dependency chain in order (202), then applies it', async () => {
    const res = await suite.owner.post('/api/v1/modules/sample_module/install')
    expect(res.status).toBe(202)
    expect(res.body.data).toEqual({ scheduled: ['sample_base', 'sample_module'], requires_restart: true })
    const status = await suite.owner.get('/api/v1/modules/-/status')
    expect(status.body.data.pending).toEqual([{ name: 'sample_base', state: 'to_install' }, { name: 'sample_module', state: 'to_install' }])
    // A second request while pending is a conflict, not a second schedule.
    expect((await suite.owner.post('/api/v1/modules/sample_module/install')).status).toBe(409)

    const applied = await suite.owner.post('/api/v1/modules/-/apply')
    expect(applied.status).toBe(200)
    expect(applied.body.data.operations.map((o: any) => `${o.operation} ${o.module} ${o.status}`))
      .toEqual(['install sample_base succeeded', 'install sample_module succeeded'])
    expect(await info('sample_module')).toMatchObject({ state: 'installed', installed_version: '1.0.0', upgrade_available: false })
    expect((await suite.owner.get('/api/v1/modules/-/status')).body.data.pending).toEqual([])
  })

  it('serves the installed module: its route, its seeded per-clinic data and its install hook', async () => {
    const notes = await suite.owner.get('/api/v1/sample_module/notes')
    expect(notes.status).toBe(200)
    expect(notes.body.data.map((n: any) => n.title)).toEqual(['Welcome to the sample module'])
    const ops = await suite.owner.get('/api/v1/modules/sample_module/-/operations?limit=5')
    expect(ops.body.data).toHaveLength(1)
    expect(ops.body.data[0]).toMatchObject({ operation: 'install', status: 'succeeded', to_version: '1.0.0' })
    expect(ops.body.data[0].steps.map((s: any) => s.step)).toEqual(['migrate', 'seed', 'hook', 'finalize'])
  })

  it('gives journal entries and steps an error item (null when nothing failed)', async () => {
    const [entry] = (await suite.owner.get('/api/v1/modules/sample_module/-/operations?limit=1')).body.data
    expect(entry).toMatchObject({ status: 'succeeded', error: null })
    expect(entry).not.toHaveProperty('error_item')
    expect(entry.steps.map((s: any) => s.error)).toEqual([null, null, null, null])
    expect((await info('sample_module')).error).toBeNull()
  })

  it('grants module permissions by role while installed, and filters /-/active for the caller', async () => {
    const me = await hygienist.get('/api/v1/auth/me')
    expect(sampleOnly(me.body.data.permissions)).toEqual(['sample_base.read', 'sample_module.notes.read'])
    const active = await hygienist.get('/api/v1/modules/-/active')
    expect(active.status).toBe(200)
    const mod = active.body.data.find((m: any) => m.name === 'sample_module')
    expect(mod.navigation.map((n: any) => n.to)).toEqual(['/sample'])
    expect(mod.permissions).toEqual(['sample_module.notes.read'])
    const adminActive = await suite.owner.get('/api/v1/modules/-/active')
    expect(adminActive.body.data.find((m: any) => m.name === 'sample_module').navigation.map((n: any) => n.to)).toEqual(['/sample/admin', '/sample'])
    expect((await hygienist.get('/api/v1/sample_module/notes')).status).toBe(200)
  })

  it('refuses to remove a module others depend on, naming them', async () => {
    const res = await suite.owner.post('/api/v1/modules/sample_base/uninstall')
    expect(res.status).toBe(409)
    expect(res.body.message).toContain('sample_module')
  })

  it('says who depends on it as a code and params, in the dry run the admin screen asks for too', async () => {
    for (const path of ['/api/v1/modules/sample_base/uninstall', '/api/v1/modules/sample_base/uninstall?dry_run=true']) {
      const res = await suite.owner.post(path)
      expect(res.status, path).toBe(409)
      expect(res.body.errors, path).toEqual([{
        code: 'modules.has_dependents',
        message: 'sample_base is needed by installed modules: sample_module (use force to remove them too)',
        params: { module: 'sample_base', dependents: ['sample_module'] },
      }])
    }
    const disable = await suite.owner.post('/api/v1/modules/sample_base/disable')
    expect(disable.body.errors[0]).toMatchObject({ code: 'modules.has_dependents', params: { module: 'sample_base', dependents: ['sample_module'] } })
  })

  it('answers an upgrade to the same version with 200 and nothing scheduled', async () => {
    const res = await suite.owner.post('/api/v1/modules/sample_base/upgrade')
    expect(res.status).toBe(200)
    expect(res.body.data.scheduled).toEqual([])
    expect(res.body.message).toContain('already at version 1.2.0')
  })

  it('uninstalls: a backup first, its tables dropped, its routes and permissions gone; reinstall works', async () => {
    const res = await suite.owner.post('/api/v1/modules/sample_module/uninstall')
    expect(res.status).toBe(202)
    expect(res.body.data.scheduled).toEqual(['sample_module'])
    expect(res.body.message).toContain('backup')
    await suite.owner.post('/api/v1/modules/-/apply')
    expect((await suite.owner.get('/api/v1/sample_module/notes')).status).toBe(404)
    expect(sampleOnly((await hygienist.get('/api/v1/auth/me')).body.data.permissions)).toEqual(['sample_base.read'])
    const ops = (await suite.owner.get('/api/v1/modules/sample_module/-/operations')).body.data
    expect(ops[0].steps.map((s: any) => s.step)).toEqual(['backup', 'hook', 'delete_data', 'migrate_down', 'finalize'])
    // One welcome note per clinic: the owner clinic and the second clinic made above.
    expect(ops[0].steps[0].details.tables).toEqual({ sample_module_log: 1, sample_module_notes: 2 })
    expect(ops[0].steps[3].details.reverted).toEqual(['20260102000000_create_log', '20260101000000_create_notes'])
    expect((await info('sample_base')).state).toBe('installed')

    expect((await suite.owner.post('/api/v1/modules/sample_module/install')).body.data.scheduled).toEqual(['sample_module'])
    await suite.owner.post('/api/v1/modules/-/apply')
    expect((await suite.owner.get('/api/v1/sample_module/notes')).body.data).toHaveLength(1)
  })

  it('disables and enables a module at once, keeping its data', async () => {
    const blocked = await suite.owner.post('/api/v1/modules/sample_base/disable')
    expect(blocked.status).toBe(409)
    expect(blocked.body.message).toContain('sample_module')

    const off = await suite.owner.post('/api/v1/modules/sample_module/disable')
    expect(off.status).toBe(200)
    expect(off.body.data.state).toBe('disabled')
    expect((await suite.owner.get('/api/v1/sample_module/notes')).status).toBe(404)
    expect(sampleOnly((await hygienist.get('/api/v1/auth/me')).body.data.permissions)).toEqual(['sample_base.read'])
    expect(sampleOnly((await hygienist.get('/api/v1/modules/-/active')).body.data.map((m: any) => m.name))).toEqual(['sample_base'])

    const on = await suite.owner.post('/api/v1/modules/sample_module/enable')
    expect(on.status).toBe(200)
    expect(on.body.data.state).toBe('installed')
    const notes = await suite.owner.get('/api/v1/sample_module/notes')
    expect(notes.status).toBe(200)
    expect(notes.body.data).toHaveLength(1)
    expect((await suite.owner.post('/api/v1/modules/sample_module/enable')).status).toBe(409)
  })

  it('lets exactly one of two concurrent schedule requests through', async () => {
    await suite.owner.post('/api/v1/modules/sample_module/uninstall')
    await suite.owner.post('/api/v1/modules/-/apply')
    const results = await Promise.all([
      suite.owner.post('/api/v1/modules/sample_module/install'),
      suite.owner.post('/api/v1/modules/sample_module/install'),
    ])
    expect(results.map(r => r.status).sort()).toEqual([202, 409])
    expect((await info('sample_module')).state).toBe('to_install')
  })

  it('reports the broken module in the doctor', async () => {
    const res = await suite.owner.get('/api/v1/modules/-/doctor')
    expect(res.status).toBe(200)
    expect(res.body.data.ok).toBe(false)
    expect(res.body.data.manifest_errors.map((e: any) => e.name)).toEqual(['sample_broken'])
  })

  it('gives each doctor finding with more than a name a stable code and params', async () => {
    const doctor = (await suite.owner.get('/api/v1/modules/-/doctor')).body.data
    expect(doctor.manifest_errors).toEqual([expect.objectContaining({ name: 'sample_broken', error: { code: 'modules.manifest_invalid', message: expect.stringContaining('Invalid manifest'), params: { module: 'sample_broken', source: expect.any(String) } } })])
    for (const finding of [...doctor.missing_dependencies, ...doctor.migration_drift, ...doctor.stuck_operations]) {
      expect(finding.code).toMatch(/^modules\./)
      expect(finding.params).toBeTypeOf('object')
    }
    for (const finding of doctor.errored_modules) expect(finding.error.code).toMatch(/^modules\./)
    expect(doctor.database).toHaveProperty('code')
  })
})

describe('restart through the supervisor', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startServer({ env: NO_LOGIN_LIMIT, supervised: true })
  })
  afterAll(async () => server?.close())

  it('answers 202, comes back by itself and applies the pending operations', async () => {
    const { api } = await setupOwner(server.url)
    expect((await api.post('/api/v1/modules/sample_module/install')).status).toBe(202)
    const before = (await api.get('/api/health')).body.data.uptime_seconds as number
    await new Promise(r => setTimeout(r, 1100))
    const res = await api.post('/api/v1/modules/-/restart')
    expect(res.status).toBe(202)
    expect(res.body.data.mode).toBe('process')

    // Down, then up again: a fresh process (uptime restarted) that is ready.
    const deadline = Date.now() + 60_000
    let back = false
    while (Date.now() < deadline && !back) {
      await new Promise(r => setTimeout(r, 250))
      try {
        const health = await api.get('/api/health')
        const ready = await api.get('/api/ready')
        back = ready.status === 200 && health.body.data.uptime_seconds < before + 1
      }
      catch {
        // the server is restarting
      }
    }
    expect(back).toBe(true)
    const status = await api.get('/api/v1/modules/-/status')
    expect(status.body.data.pending).toEqual([])
    // The seven official modules and the two sample ones.
    expect(status.body.data.by_state.installed).toBe(9)
    expect((await api.get('/api/v1/sample_module/notes')).status).toBe(200)
    // A new process boots while the other API files keep the two cores busy: the wait above may take its whole minute.
  }, 90_000)
})
