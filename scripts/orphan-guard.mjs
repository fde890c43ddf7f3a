// Loaded into the server process by scripts/serve.mjs (`node --import`): when
// the supervisor is gone (killed outright, so it could not stop us), the
// server stops itself the normal way (SIGTERM: requests finish, the database
// and its .data/ lock are released) instead of running on as an orphan.
import { watchParent } from './supervisor.mjs'

watchParent(() => {
  console.error('[dentalpin] the supervisor is gone; stopping.')
  process.kill(process.pid, 'SIGTERM')
  // If a graceful stop hangs, leave anyway.
  setTimeout(() => process.exit(1), 15_000).unref()
})
