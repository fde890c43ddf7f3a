import { createServer, connect } from 'node:net'
import type { Server, Socket } from 'node:net'

export type ProxyMode = 'pass' | 'cut' | 'blackhole'

export interface TcpProxy {
  port: number
  /** `pass`: forward; `cut`: drop every connection and refuse new ones; `blackhole`: keep connections open but forward nothing. */
  setMode(mode: ProxyMode): void
  close(): Promise<void>
}

/**
 * A TCP proxy on 127.0.0.1 in front of a local server (the test PostgreSQL),
 * for cutting the database off under a running server and bringing it back.
 * Going back to `pass` drops the connections that were black-holed (their
 * protocol state is unknown), so clients open fresh ones.
 */
export async function startTcpProxy(target: { host: string, port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'pass'
  const pairs = new Set<{ client: Socket, upstream: Socket | null, held: boolean }>()

  const server: Server = createServer((client) => {
    if (mode === 'cut') {
      client.destroy()
      return
    }
    const pair = { client, upstream: null as Socket | null, held: mode === 'blackhole' }
    pairs.add(pair)
    const drop = () => {
      pairs.delete(pair)
      client.destroy()
      pair.upstream?.destroy()
    }
    client.on('error', drop)
    client.on('close', drop)
    if (pair.held) return // accepted, never connected upstream: a black hole
    const upstream = connect(target.port, target.host)
    pair.upstream = upstream
    upstream.on('error', drop)
    upstream.on('close', drop)
    client.on('data', (d) => {
      if (!pair.held) upstream.write(d)
    })
    upstream.on('data', (d) => {
      if (!pair.held) client.write(d)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port

  return {
    port,
    setMode(next) {
      const previous = mode
      mode = next
      if (next === 'cut' || (next === 'pass' && previous === 'blackhole')) {
        for (const p of [...pairs]) {
          p.client.destroy()
          p.upstream?.destroy()
        }
        pairs.clear()
      }
      if (next === 'blackhole') for (const p of pairs) p.held = true
    },
    async close() {
      for (const p of pairs) {
        p.client.destroy()
        p.upstream?.destroy()
      }
      await new Promise<void>(resolve => server.close(() => resolve()))
    },
  }
}
