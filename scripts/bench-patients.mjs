#!/usr/bin/env node
// Patient search benchmark (not a test): `npm run bench:patients`.
//
// Creates the PostgreSQL database `dentalpin_bench` on the server named by
// DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), starts
// the production build (`.output`, built beforehand with `npm run build`)
// against it, runs first-time setup, bulk-inserts 100,000 patients, ANALYZEs,
// checks that a two-term search uses the trigram index, then times over HTTP
// (wall time seen by the client, 20 runs after a warm-up) a two-term search
// and the first page of the default list. Stops the server and drops the
// database at the end, also on failure (BENCH_KEEP=1 keeps it to explore;
// BENCH_PLAN=1 prints the query plans; BENCH_PATIENTS and BENCH_RUNS resize).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const PATIENTS = Number(process.env.BENCH_PATIENTS || 100_000)
const RUNS = Number(process.env.BENCH_RUNS || 20)
const BATCH = 10_000
const DB_NAME = 'dentalpin_bench'
const SEARCH = 'garc mar'

const root = fileURLToPath(new URL('..', import.meta.url))
const entry = join(root, '.output/server/index.mjs')
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const benchUrl = (() => {
  const u = new URL(adminUrl)
  u.pathname = `/${DB_NAME}`
  return u.toString()
})()

// ---- search_text, as layers/patients/server/services/search.ts builds it.
// Duplicated on purpose (this script imports no TypeScript): keep in step.
const normalise = v => v.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
const digitsOnly = v => v.replace(/\D+/g, '')
const compact = v => normalise(v).replace(/[^\p{L}\p{N}]+/gu, '')
function buildSearchText(p) {
  const parts = [p.first_name, p.last_name]
  if (p.phone) parts.push(p.phone, digitsOnly(p.phone))
  if (p.email) parts.push(p.email)
  if (p.national_id) parts.push(p.national_id, compact(p.national_id))
  return normalise(parts.filter(Boolean).join(' ')).split(/\s+/).filter(Boolean).join(' ')
}

// ---- realistic, reproducible patients
function rng(seed) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = rng(20261127)
const pick = list => list[Math.floor(rand() * list.length)]
const digits = n => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('')

const ES_FIRST = ['María', 'José', 'Antonio', 'Carmen', 'Ana', 'Manuel', 'Lucía', 'Francisco', 'Laura', 'David', 'Marta', 'Jesús', 'Cristina', 'Javier', 'Elena', 'Álvaro', 'Sofía', 'Raúl', 'Inés', 'Íñigo', 'Begoña', 'Nuria', 'Sergio', 'Mónica', 'Andrés', 'Pilar', 'Rubén', 'Ángela', 'Óscar', 'Zuriñe', 'Martín', 'Marina', 'Mariano', 'Maribel', 'Ramón', 'Adrián', 'Noemí', 'Joaquín', 'Belén', 'Iván']
const ES_LAST = ['García', 'González', 'Rodríguez', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina', 'Morales', 'Suárez', 'Ortega', 'Delgado', 'Castro', 'Ortiz', 'Rubio', 'Marín', 'Sanz', 'Núñez', 'Iglesias', 'Medina', 'Garrido', 'Cortés', 'Castillo', 'Santos', 'Lozano', 'Guerrero', 'Cano', 'Prieto', 'Méndez', 'Cruz', 'Calvo', 'Gallego', 'Vidal', 'León', 'Márquez', 'Herrera', 'Peña', 'Flores']
const EN_FIRST = ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Noah', 'Mia', 'Jack', 'Grace', 'Charlie', 'Emily', 'Thomas', 'Sophie', 'James', 'Chloé', 'William', 'Zoë', 'Margaret', 'Mark']
const EN_LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'O\'Brien', 'Marsh', 'Garcia', 'Martin']
const DOMAINS = ['gmail.com', 'hotmail.com', 'yahoo.es', 'outlook.com', 'icloud.com', 'telefonica.net', 'btinternet.com']
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE'
// The accent folding of the list order (layers/patients/server/repositories/patients.ts), for EXPLAIN.
const ACCENTED = 'ÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇÝáàâäãåéèêëíìîïóòôöõúùûüñçýÿ'
const PLAIN = 'AAAAAAEEEEIIIIOOOOOUUUUNCYaaaaaaeeeeiiiiooooouuuuncyy'
const emailPart = v => normalise(v).replace(/[^a-z0-9]+/g, '')

function patient(i, clinicId) {
  const spanish = rand() < 0.8
  const first_name = spanish ? pick(ES_FIRST) : pick(EN_FIRST)
  const last_name = spanish ? `${pick(ES_LAST)} ${pick(ES_LAST)}` : pick(EN_LAST)
  const phone = rand() < 0.93 ? (spanish ? `+34 6${digits(2)} ${digits(3)} ${digits(3)}` : `+44 7${digits(3)} ${digits(6)}`) : null
  const email = rand() < 0.75 ? `${emailPart(first_name)}.${emailPart(last_name.split(' ')[0])}${i % 1000}@${pick(DOMAINS)}` : null
  let national_id = null
  let national_id_type = null
  const idKind = rand()
  if (spanish && idKind < 0.85) {
    const n = Math.floor(rand() * 100_000_000)
    national_id = `${String(n).padStart(8, '0')}${DNI_LETTERS[n % 23]}`
    national_id_type = 'dni'
  }
  else if (idKind < 0.95) {
    const n = Math.floor(rand() * 10_000_000)
    national_id = spanish ? `X${String(n).padStart(7, '0')}${DNI_LETTERS[n % 23]}` : `${digits(9)}`
    national_id_type = spanish ? 'nie' : 'passport'
  }
  const born = new Date(Date.UTC(1935 + Math.floor(rand() * 85), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)))
  const created = new Date(Date.now() - Math.floor(rand() * 5 * 365 * 86_400_000))
  const archived = rand() < 0.05
  const p = {
    clinic_id: clinicId,
    first_name,
    last_name,
    phone,
    email,
    date_of_birth: born.toISOString().slice(0, 10),
    gender: pick(['female', 'male', 'female', 'male', 'other', null]),
    national_id,
    national_id_type,
    status: archived ? 'archived' : 'active',
    do_not_contact: rand() < 0.03,
    created_at: created.toISOString(),
    last_visit_at: rand() < 0.7 ? new Date(created.getTime() + Math.floor(rand() * (Date.now() - created.getTime()))).toISOString() : null,
    archived_at: archived ? new Date().toISOString() : null,
  }
  return { ...p, updated_at: p.created_at, search_text: buildSearchText(p) }
}

const COLUMNS = [
  ['clinic_id', 'uuid'], ['first_name', 'text'], ['last_name', 'text'], ['phone', 'text'], ['email', 'text'],
  ['date_of_birth', 'date'], ['gender', 'text'], ['national_id', 'text'], ['national_id_type', 'text'],
  ['status', 'text'], ['do_not_contact', 'boolean'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ['last_visit_at', 'timestamptz'], ['archived_at', 'timestamptz'], ['search_text', 'text'],
]

// One INSERT ... SELECT FROM unnest(arrays) per batch: a parameter per column, not per value.
async function bulkInsert(client, clinicId) {
  const sql = `insert into patients (${COLUMNS.map(c => c[0]).join(', ')}) select * from unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`
  for (let start = 0; start < PATIENTS; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, PATIENTS - start) }, (_, k) => patient(start + k, clinicId))
    await client.query(sql, COLUMNS.map(([name]) => rows.map(r => r[name])))
  }
}

// ---- server and HTTP
async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

async function startBuiltServer(port, storageDir) {
  let output = ''
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', NITRO_HOST: '127.0.0.1', NITRO_PORT: String(port), DATABASE_URL: benchUrl, DENTALPIN_STORAGE_DIR: storageDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout.on('data', (d) => {
    output += d
  })
  child.stderr.on('data', (d) => {
    output += d
  })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/ready`)).status === 200) return child
    }
    catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`server not ready after 60 s:\n${output}`)
}

async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise(resolve => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

async function timeRequests(url, cookie) {
  const once = async () => {
    const started = performance.now()
    const res = await fetch(url, { headers: { cookie, accept: 'application/json' } })
    const body = await res.json()
    const ms = performance.now() - started
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body)}`)
    return { ms, body }
  }
  const warm = await once()
  const times = []
  for (let i = 0; i < RUNS; i++) times.push((await once()).ms)
  times.sort((a, b) => a - b)
  const at = q => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]
  return { median: at(0.5), p95: at(0.95), min: times[0], max: times.at(-1), total: warm.body.total, rows: warm.body.data.length }
}

const fmt = ms => `${ms.toFixed(1)} ms`

async function main() {
  if (!existsSync(entry)) {
    console.error('[bench] No production build at .output/server/index.mjs. Build first: `npm run build` (this script builds nothing).')
    process.exit(1)
  }
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`drop database if exists ${DB_NAME} with (force)`)
  await admin.query(`create database ${DB_NAME}`)
  console.log(`[bench] database ${DB_NAME} created`)

  const storageDir = mkdtempSync(join(tmpdir(), 'dentalpin-bench-'))
  let server
  let client
  try {
    const port = await freePort()
    server = await startBuiltServer(port, storageDir)
    const base = `http://127.0.0.1:${port}`
    console.log(`[bench] server ready on ${base}`)

    const setup = await fetch(`${base}/api/v1/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept': 'application/json' },
      body: JSON.stringify({ admin_email: 'bench@clinic.test', admin_password: 'Bench-passw0rd', admin_first_name: 'Bench', admin_last_name: 'Admin', clinic_name: 'Bench clinic', timezone: 'Europe/Madrid', currency: 'EUR', country: 'ES', language: 'es' }),
    })
    const setupBody = await setup.json()
    if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${JSON.stringify(setupBody)}`)
    const clinicId = setupBody.data.current_clinic_id
    const cookie = setup.headers.getSetCookie().map(c => c.split(';')[0]).join('; ')

    client = new pg.Client({ connectionString: benchUrl })
    await client.connect()
    const t0 = performance.now()
    await bulkInsert(client, clinicId)
    const t1 = performance.now()
    // VACUUM as autovacuum would on a live database (visibility map for index-only counts), then ANALYZE.
    await client.query('vacuum analyze patients')
    const { rows: [{ n }] } = await client.query('select count(*)::int as n from patients')
    console.log(`[bench] ${n} patients inserted in ${((t1 - t0) / 1000).toFixed(1)} s, vacuumed and analyzed in ${((performance.now() - t1) / 1000).toFixed(1)} s`)

    // The two queries the repository runs for a two-term search: the count and the first page (default sort).
    const terms = SEARCH.split(/\s+/).map(t => `%${t}%`)
    const where = `p.clinic_id = $1 and p.status = 'active' and p.search_text like $2 and p.search_text like $3`
    const fold = col => `lower(translate(p.${col}, '${ACCENTED}', '${PLAIN}'))`
    const queries = {
      'search count': `select count(*) from patients p where ${where}`,
      'search page': `select p.*, m.allergies from patients p left join patients_medical_history m on m.patient_id = p.id
        where ${where} order by ${fold('last_name')}, ${fold('first_name')}, p.id limit 25 offset 0`,
      'first page': `select p.*, m.allergies from patients p left join patients_medical_history m on m.patient_id = p.id
        where p.clinic_id = $1 and p.status = 'active' order by ${fold('last_name')}, ${fold('first_name')}, p.id limit 25 offset 0`,
    }
    for (const [name, query] of Object.entries(queries)) {
      const params = name.startsWith('search') ? [clinicId, ...terms] : [clinicId]
      const plan = (await client.query(`explain ${query}`, params)).rows.map(r => r['QUERY PLAN']).join('\n')
      const indexes = [...new Set([...plan.matchAll(/(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g)].map(m => m[1]))]
      const note = name.startsWith('search') ? ` -> trigram index ${indexes.includes('patients_search_trgm') ? 'used' : 'NOT used'}` : ''
      console.log(`[bench] ${name} (${name.startsWith('search') ? `"${SEARCH}"` : 'default sort'}) uses ${indexes.join(', ') || 'no index'}${note}`)
      if (process.env.BENCH_PLAN) console.log(plan)
    }

    const search = await timeRequests(`${base}/api/v1/patients?search=${encodeURIComponent(SEARCH)}`, cookie)
    const firstPage = await timeRequests(`${base}/api/v1/patients`, cookie)
    console.log(`\n[bench] ${n} patients, ${RUNS} runs each (client wall time, after one warm-up request)`)
    console.log(`  search "${SEARCH}"  median ${fmt(search.median)}  p95 ${fmt(search.p95)}  (min ${fmt(search.min)}, max ${fmt(search.max)}; ${search.total} matches, ${search.rows} on the page)`)
    console.log(`  first list page     median ${fmt(firstPage.median)}  p95 ${fmt(firstPage.p95)}  (min ${fmt(firstPage.min)}, max ${fmt(firstPage.max)}; ${firstPage.total} active patients, ${firstPage.rows} on the page)`)
  }
  finally {
    await client?.end().catch(() => {})
    await stopServer(server)
    if (!process.env.BENCH_KEEP) await admin.query(`drop database if exists ${DB_NAME} with (force)`)
    await admin.end()
    rmSync(storageDir, { recursive: true, force: true })
    console.log(`[bench] server stopped, database ${DB_NAME} ${process.env.BENCH_KEEP ? 'kept (BENCH_KEEP)' : 'dropped'}`)
  }
}

main().catch((error) => {
  console.error('[bench] failed:', error)
  process.exitCode = 1
})
