import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MigrationSet } from '../../server/db/migrator'
import { appliedMigrations, migrateDown, migrateUp, MigrationError, pendingMigrations } from '../../server/db/migrator'

// The runner on a real (in-memory) PostgreSQL: PGlite, one instance for the
// file, emptied before each test.
let db: Kysely<any>

beforeAll(() => {
  db = new Kysely<any>({ dialect: new PGliteDialect({ pglite: new PGlite() }) })
}, 30_000)
beforeEach(async () => {
  await sql`drop schema public cascade`.execute(db)
  await sql`create schema public`.execute(db)
}, 30_000)
afterAll(async () => {
  await db.destroy()
})

async function tables(): Promise<string[]> {
  const rows = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(db)
  return rows.rows.map(r => r.table_name)
}

const createTable = (name: string) => ({
  up: async (d: Kysely<any>) => { await d.schema.createTable(name).addColumn('id', 'integer').execute() },
  down: async (d: Kysely<any>) => { await d.schema.dropTable(name).execute() },
})

const demo: MigrationSet = {
  history: 'demo',
  migrations: {
    '20260102_second': createTable('demo_second'),
    '20260101_first': createTable('demo'),
  },
}

describe('migration runner', () => {
  it('applies pending migrations in name order and records them in their own history', async () => {
    expect(await pendingMigrations(db, demo)).toEqual(['20260101_first', '20260102_second'])
    const result = await migrateUp(db, demo)
    expect(result.applied).toEqual(['20260101_first', '20260102_second'])
    expect(await tables()).toEqual(['core_migration', 'demo', 'demo_second'])
    expect(await appliedMigrations(db, 'demo')).toEqual(['20260101_first', '20260102_second'])
    expect(await appliedMigrations(db, 'other')).toEqual([])
    expect((await migrateUp(db, demo)).applied).toEqual([])
  })

  it('keeps histories apart: another module with the same migration name runs too', async () => {
    await migrateUp(db, demo)
    const other: MigrationSet = { history: 'other', migrations: { '20260101_first': createTable('other') } }
    expect((await migrateUp(db, other)).applied).toEqual(['20260101_first'])
    expect(await tables()).toContain('other')
  })

  it('rolls back the whole run when one migration fails', async () => {
    const broken: MigrationSet = {
      history: 'broken',
      migrations: {
        '1_ok': createTable('broken'),
        '2_fails': { up: async (d) => { await sql`select * from no_such_table`.execute(d) } },
      },
    }
    await expect(migrateUp(db, broken)).rejects.toThrow(MigrationError)
    await expect(migrateUp(db, broken)).rejects.toThrow(/2_fails/)
    expect(await tables()).toEqual(['core_migration'])
    expect(await appliedMigrations(db, 'broken')).toEqual([])
  })

  it('joins the caller\'s transaction, so a later failure undoes the migrations too', async () => {
    await expect(db.transaction().execute(async (trx) => {
      await migrateUp(trx, demo)
      throw new Error('seed failed')
    })).rejects.toThrow('seed failed')
    // Even the history table created inside that unit of work is gone.
    expect(await tables()).toEqual([])
  })

  it('reverts exactly the named migrations, newest first', async () => {
    await migrateUp(db, demo)
    const result = await migrateDown(db, demo, ['20260102_second'])
    expect(result.applied).toEqual(['20260102_second'])
    expect(await tables()).toEqual(['core_migration', 'demo'])
    await migrateDown(db, demo)
    expect(await tables()).toEqual(['core_migration'])
    expect(await appliedMigrations(db, 'demo')).toEqual([])
  })

  it('refuses to revert when a migration has no down, changing nothing', async () => {
    const noDown: MigrationSet = { history: 'nodown', migrations: { '1_a': createTable('nodown'), '2_b': { up: createTable('nodown_b').up } } }
    await migrateUp(db, noDown)
    await expect(migrateDown(db, noDown)).rejects.toThrow(/no down migration for: 2_b/)
    expect(await tables()).toEqual(['core_migration', 'nodown', 'nodown_b'])
  })

  it('refuses to run when the database has migrations that are not on disk', async () => {
    await migrateUp(db, demo)
    const shrunk: MigrationSet = { history: 'demo', migrations: { '20260101_first': demo.migrations['20260101_first']! } }
    await expect(migrateUp(db, shrunk)).rejects.toThrow(/not on disk: 20260102_second/)
  })
})
