import { consola } from 'consola'

// Several instances on one PostgreSQL database (behind a load balancer): when
// one instance changes what is served (an applied operation, disable/enable),
// it announces it; every other instance reloads its runtime registry from the
// database. The messages travel over the event relay's LISTEN/NOTIFY
// connection (events/relay.ts); the embedded database has one process only.

const log = consola.withTag('dentalpin:cluster')

export interface RegistryRelay {
  notifyRegistryChanged(): void
  onRegistryChanged(listener: (() => void) | null): void
}

let relay: RegistryRelay | null = null
let reload: (() => Promise<void>) | null = null
let timer: NodeJS.Timeout | null = null
let running: Promise<void> | null = null

/** Reloads coalesce: a burst of announcements (a batch of operations) costs one reload. */
const DEBOUNCE_MS = 50

/** Connects the relay (boot); null on shutdown. */
export function setRegistryRelay(next: RegistryRelay | null): void {
  relay?.onRegistryChanged(null)
  relay = next
  relay?.onRegistryChanged(scheduleRegistryReload)
}

/** What a remote change runs here (set by startPlatform: the runtime's refresh). */
export function setRegistryReload(fn: (() => Promise<void>) | null): void {
  reload = fn
}

/** Tells the other instances that the served set of modules changed. */
export function announceRegistryChange(): void {
  relay?.notifyRegistryChanged()
}

/** A remote instance changed the registry (or the listener reconnected and may have missed some). */
export function scheduleRegistryReload(): void {
  if (timer) return
  timer = setTimeout(() => {
    timer = null
    // One reload at a time; an announcement during a reload schedules another after it.
    const previous = running ?? Promise.resolve()
    running = previous.then(async () => {
      await reload?.()
      log.debug('module registry reloaded after a change on another instance')
    }).catch((error) => {
      log.error(`reloading the module registry after a remote change failed: ${(error as Error).message}`)
    }).finally(() => {
      running = null
    })
  }, DEBOUNCE_MS)
}
