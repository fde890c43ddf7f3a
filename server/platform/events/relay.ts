import { randomUUID } from 'node:crypto'
import { consola } from 'consola'
import pg from 'pg'
import type { RegistryRelay } from '../cluster'
import type { EventBus, EventRelay } from './bus'

const CHANNEL = 'dentalpin_events'
// Registry changes (module installed, removed, disabled, enabled): the payload is the sender's origin.
const REGISTRY_CHANNEL = 'dentalpin_registry'
// NOTIFY payloads are limited to 8000 bytes; catalog payloads are ids and a few strings.
const MAX_PAYLOAD = 7900
const log = consola.withTag('dentalpin:events')

interface Envelope {
  origin: string
  event: string
  payload: Record<string, unknown>
}

/**
 * Events cross instances through PostgreSQL LISTEN/NOTIFY: every event this
 * instance publishes is NOTIFYed; events from other instances are delivered
 * to this instance's subscribers. Only for PostgreSQL (the embedded database
 * has one process by construction).
 */
export class PostgresEventRelay implements EventRelay, RegistryRelay {
  readonly origin = randomUUID()
  #listener: pg.Client | null = null
  #sender: pg.Pool
  #closed = false
  #retry: NodeJS.Timeout | null = null
  #onRegistry: (() => void) | null = null
  #started = false

  constructor(readonly connectionString: string, readonly bus: EventBus) {
    this.#sender = new pg.Pool({ connectionString, max: 2 })
    this.#sender.on('error', error => log.warn(`event relay sender: ${error.message}`))
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString })
    client.on('notification', (msg) => {
      if (msg.channel === REGISTRY_CHANNEL) {
        if (msg.payload !== this.origin) this.#onRegistry?.()
        return
      }
      if (msg.channel !== CHANNEL || !msg.payload) return
      try {
        const envelope = JSON.parse(msg.payload) as Envelope
        if (envelope.origin !== this.origin) this.bus.receive(envelope.event, envelope.payload)
      }
      catch (error) {
        log.warn(`ignored a malformed relayed event: ${(error as Error).message}`)
      }
    })
    client.on('error', (error) => {
      log.warn(`event relay connection lost (${error.message}); reconnecting`)
      this.#reconnect()
    })
    await client.connect()
    await client.query(`LISTEN ${CHANNEL}`)
    await client.query(`LISTEN ${REGISTRY_CHANNEL}`)
    this.#listener = client
    this.bus.setRelay(this)
    // After a reconnect, changes announced while the listener was down were missed: reload once.
    if (this.#started) this.#onRegistry?.()
    this.#started = true
  }

  onRegistryChanged(listener: (() => void) | null): void {
    this.#onRegistry = listener
  }

  notifyRegistryChanged(): void {
    this.#sender.query('select pg_notify($1, $2)', [REGISTRY_CHANNEL, this.origin])
      .catch(error => log.warn(`a module change did not reach other instances: ${(error as Error).message}`))
  }

  #reconnect(): void {
    if (this.#closed || this.#retry) return
    this.#listener?.end().catch(() => {})
    this.#listener = null
    this.#retry = setTimeout(() => {
      this.#retry = null
      this.start().catch((error) => {
        log.warn(`event relay reconnect failed: ${(error as Error).message}`)
        this.#reconnect()
      })
    }, 2000)
  }

  forward(event: string, payload: Record<string, unknown>): void {
    const text = JSON.stringify({ origin: this.origin, event, payload } satisfies Envelope)
    if (Buffer.byteLength(text) > MAX_PAYLOAD) {
      log.warn(`event "${event}" is too large to reach other instances`)
      return
    }
    this.#sender.query('select pg_notify($1, $2)', [CHANNEL, text])
      .catch(error => log.warn(`event "${event}" did not reach other instances: ${(error as Error).message}`))
  }

  async close(): Promise<void> {
    this.#closed = true
    if (this.#retry) clearTimeout(this.#retry)
    this.bus.setRelay(null)
    await this.#listener?.end().catch(() => {})
    await this.#sender.end().catch(() => {})
  }
}
