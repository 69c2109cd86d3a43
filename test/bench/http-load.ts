import http from 'node:http'

/** One request of a load run: method, path, headers and body may differ per call (n counts up). */
export interface LoadRequest {
  method?: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
}

export interface LoadResult {
  requests: number
  perSecond: number
  p50: number
  p99: number
  /** Answers with another status than expected, and failed connections. */
  errors: number
  /** Count per status, or per error code of a failed connection (e.g. ECONNRESET). */
  statuses: Record<string, number>
}

/**
 * A small load generator on node:http (keep-alive, one socket per client): `clients` loops each send a
 * request, read the whole answer, and send the next, for `seconds` after a warm-up second that is not
 * counted. Answers are read as bytes (compressed ones stay compressed, as a phone receives them).
 */
export async function load(
  base: string,
  options: { clients: number; seconds: number; expect: number[] },
  request: (n: number) => LoadRequest,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients })
  const url = new URL(base)
  let n = 0
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let errors = 0
  const warmUntil = performance.now() + 1000
  const stopAt = warmUntil + options.seconds * 1000
  const one = (r: LoadRequest) =>
    new Promise<number | string>((resolve) => {
      const req = http.request(
        { agent, host: url.hostname, port: url.port, method: r.method ?? 'GET', path: r.path, headers: r.headers },
        (res) => {
          res.on('data', () => undefined)
          res.on('end', () => resolve(res.statusCode ?? 0))
          res.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
        },
      )
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
      req.end(r.body)
    })
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (performance.now() < stopAt) {
        const started = performance.now()
        const status = await one(request(n++))
        if (started < warmUntil) continue
        latencies.push(performance.now() - started)
        statuses[status] = (statuses[status] ?? 0) + 1
        if (typeof status !== 'number' || !options.expect.includes(status)) errors++
      }
    }),
  )
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN
  return { requests: latencies.length, perSecond: latencies.length / options.seconds, p50: at(0.5), p99: at(0.99), errors, statuses }
}
