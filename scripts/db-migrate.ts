// `npm run db:migrate`: applies the core migrations to the configured database
// (DATABASE_URL, or the embedded one in .data/) and exits.
import { coreMigrations } from '../migrations'
import { openDatabase } from '../server/db/database'
import { migrateUp } from '../server/db/migrator'

const handle = await openDatabase().catch((error: Error) => {
  console.error(`[db:migrate] ${error.message}`)
  process.exit(1)
})
try {
  const result = await migrateUp(handle.db, coreMigrations)
  console.log(result.applied.length
    ? `[db:migrate] ${handle.kind}: applied ${result.applied.join(', ')}`
    : `[db:migrate] ${handle.kind}: up to date`)
}
catch (error) {
  console.error(`[db:migrate] failed: ${(error as Error).message}`)
  process.exitCode = 1
}
finally {
  await handle.close()
}
