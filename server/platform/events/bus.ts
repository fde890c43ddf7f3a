import { AsyncLocalStorage } from 'node:async_hooks'
import { consola } from 'consola'
import type { PayloadOf } from './catalog'

export type EventHandler<E extends string = string> = (payload: PayloadOf<E>, event: E) => unknown

interface Subscription {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers of every event share one list
  handler: EventHandler<any>
  owner: string
  publisherOnly: boolean
}

export interface SubscribeOptions {
  /**
   * Run only for events published on THIS instance, not for those relayed
   * from other instances sharing the database. For handlers that write to
   * the shared database: they then write once however many instances run.
   */
  publisherOnly?: boolean
}

interface PendingEvent {
  event: string
  payload: Record<string, unknown>
}

/** A unit of work collects the events published inside it until it commits. */
interface UnitOfWork {
  pending: PendingEvent[]
}

const log = consola.withTag('dentalpin:events')

/** Carries events to the other instances sharing the database (see relay.ts). */
export interface EventRelay {
  forward(event: string, payload: Record<string, unknown>): void
}

/**
 * The event bus (spec §4, module-platform §8). Events published inside a unit
 * of work (`eventBus.unitOfWork`) are delivered after it commits and dropped
 * if it rolls back; outside one they are delivered at once. Sync handlers run
 * in subscription order; async ones become tracked background tasks
 * (`drain()` awaits them). A handler's error is logged with the event name and
 * the handler's owner, never thrown at the publisher or other handlers.
 * Payloads are never logged: they carry patient data.
 */
export class EventBus {
  #subscriptions = new Map<string, Subscription[]>()
  #inflight = new Set<Promise<unknown>>()
  #scope = new AsyncLocalStorage<UnitOfWork>()
  #relay: EventRelay | null = null

  /** Connects (or, with null, disconnects) the cross-instance relay. */
  setRelay(relay: EventRelay | null): void {
    this.#relay = relay
  }

  /** An event another instance published: delivered here (except to `publisherOnly` subscribers), not forwarded again. */
  receive(event: string, payload: Record<string, unknown>): void {
    this.#deliver(event, payload, true)
  }

  subscribe<E extends string>(event: E, handler: EventHandler<E>, owner = 'core', options: SubscribeOptions = {}): void {
    const list = this.#subscriptions.get(event) ?? []
    if (!list.some(s => s.handler === handler)) list.push({ handler, owner, publisherOnly: options.publisherOnly ?? false })
    this.#subscriptions.set(event, list)
  }

  unsubscribe<E extends string>(event: E, handler: EventHandler<E>): void {
    const list = this.#subscriptions.get(event)
    if (!list) return
    this.#subscriptions.set(event, list.filter(s => s.handler !== handler))
  }

  /** Removes every handler a module subscribed (on uninstall or disable). */
  unsubscribeOwner(owner: string): void {
    for (const [event, list] of this.#subscriptions) this.#subscriptions.set(event, list.filter(s => s.owner !== owner))
  }

  subscribers(event: string): ReadonlyArray<{ owner: string }> {
    return (this.#subscriptions.get(event) ?? []).map(s => ({ owner: s.owner }))
  }

  publish<E extends string>(event: E, payload: PayloadOf<E>): void {
    const unit = this.#scope.getStore()
    if (unit) unit.pending.push({ event, payload })
    else this.#publishNow(event, payload)
  }

  #publishNow(event: string, payload: Record<string, unknown>): void {
    this.#deliver(event, payload)
    this.#relay?.forward(event, payload)
  }

  /**
   * Runs `fn` as a unit of work: events it publishes are delivered only when
   * it resolves (after the caller's transaction committed) and dropped when it
   * throws. Nested units join the outer one.
   */
  async unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#scope.getStore()) return fn()
    const unit: UnitOfWork = { pending: [] }
    const result = await this.#scope.run(unit, fn)
    // Deliver outside the unit's scope so handlers' own publishes go out at once.
    this.#scope.exit(() => {
      for (const e of unit.pending) this.#publishNow(e.event, e.payload)
    })
    return result
  }

  /** Awaits every background handler, including ones they started. */
  async drain(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.allSettled([...this.#inflight])
  }

  #deliver(event: string, payload: Record<string, unknown>, remote = false): void {
    for (const { handler, owner, publisherOnly } of [...(this.#subscriptions.get(event) ?? [])]) {
      if (remote && publisherOnly) continue
      try {
        const result = handler(payload as PayloadOf<string>, event)
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          const task = Promise.resolve(result)
            .catch(error => this.#report(event, owner, error))
            .finally(() => this.#inflight.delete(task))
          this.#inflight.add(task)
        }
      }
      catch (error) {
        this.#report(event, owner, error)
      }
    }
  }

  #report(event: string, owner: string, error: unknown): void {
    log.error(`handler of ${owner} for "${event}" failed: ${(error as Error)?.message ?? String(error)}`)
  }
}

/** The process-wide bus. */
export const eventBus = new EventBus()
