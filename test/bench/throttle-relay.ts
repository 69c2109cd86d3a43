import { createConnection, createServer, type Server, type Socket } from 'node:net'

/**
 * A slow link in front of a server: a TCP relay that every byte between the browser and the server
 * crosses (page, scripts, the service worker's own fetches, the sync worker — all of it, because the
 * browser talks to the relay's port as the site's origin). Each direction is one link of `kbits` per
 * second, shared by all connections in turns of one segment (a fair queue, as a phone's radio link
 * behaves), and every segment arrives `rttMs / 2` after it left. A new connection waits one round
 * trip (the TCP handshake). Not modelled: TCP slow start, loss.
 * A connection's segments arrive in the order they left, never early: one timer per connection hands them
 * on. (Until 2026-12-01 each segment had its own timer; Node rounds a timer's delay down and counts it from the
 * event loop's last tick, so a small segment could overtake the one before it, and the browser then read a
 * garbled answer: the intermittent ERR_INVALID_HTTP_RESPONSE that made trimmed asset headers look broken.)
 */
export interface ThrottleRelay {
  port: number
  /** Bytes the server has sent to the browser so far (headers and bodies as on the wire). */
  downBytes: () => number
  /** The same, of answers to `/api/` requests (HTTP/1.1 answers in request order on each connection). */
  apiDownBytes: () => number
  /** Every request so far: its path, when it reached the relay, the bytes of its answer and when the last of them arrived. */
  requests: () => RelayedRequest[]
  close: () => Promise<void>
}

const SEGMENT = 1460

export interface RelayedRequest {
  path: string
  at: number
  bytes: number
  doneAt: number
}

interface Flow {
  readyAt: number
  queue: Buffer[]
  /** Segments on the wire, in the order they left, each with the moment it arrives. */
  arriving: { segment: Buffer; at: number }[]
  arrivalTimer?: NodeJS.Timeout
  target: Socket
  /** Down flows: whether the answer being sent is to an `/api/` request. */
  api?: boolean
  /** Down flows: the request whose answer is being sent (HTTP/1.1 answers in request order). */
  request?: RelayedRequest
}

/** One direction of the link: segments leave one after another at the link's rate, round-robin over connections. */
class Link {
  private flows: Flow[] = []
  private next = 0
  private busyUntil = 0
  private timer: NodeJS.Timeout | undefined
  bytes = 0
  apiBytes = 0

  private readonly bytesPerMs: number
  private readonly oneWayMs: number

  constructor(bytesPerMs: number, oneWayMs: number) {
    this.bytesPerMs = bytesPerMs
    this.oneWayMs = oneWayMs
  }

  add(flow: Flow): void {
    this.flows.push(flow)
  }

  remove(flow: Flow): void {
    this.flows = this.flows.filter((f) => f !== flow)
  }

  push(flow: Flow, data: Buffer): void {
    for (let i = 0; i < data.length; i += SEGMENT) flow.queue.push(data.subarray(i, i + SEGMENT))
    this.pump()
  }

  private pump(): void {
    if (this.timer) return
    const now = performance.now()
    if (this.busyUntil > now) {
      this.timer = setTimeout(() => ((this.timer = undefined), this.pump()), this.busyUntil - now)
      return
    }
    const flow = this.pick(now)
    if (!flow) {
      const waiting = this.flows.filter((f) => f.queue.length > 0).map((f) => f.readyAt)
      if (waiting.length) this.timer = setTimeout(() => ((this.timer = undefined), this.pump()), Math.min(...waiting) - now)
      return
    }
    const segment = flow.queue.shift()!
    this.bytes += segment.length
    if (flow.api) this.apiBytes += segment.length
    this.busyUntil = now + segment.length / this.bytesPerMs
    const arrival = this.busyUntil + this.oneWayMs - now
    if (flow.request) {
      flow.request.bytes += segment.length
      flow.request.doneAt = now + arrival
    }
    flow.arriving.push({ segment, at: now + arrival })
    this.deliver(flow)
    this.timer = setTimeout(() => ((this.timer = undefined), this.pump()), this.busyUntil - now)
  }

  /** Hands on the segments that have arrived, oldest first; waits for the next (a timer may fire early). */
  private deliver(flow: Flow): void {
    if (flow.arrivalTimer) return
    const now = performance.now()
    while (flow.arriving.length > 0 && flow.arriving[0]!.at <= now) {
      const { segment } = flow.arriving.shift()!
      if (!flow.target.destroyed) flow.target.write(segment)
    }
    const next = flow.arriving[0]
    if (next) flow.arrivalTimer = setTimeout(() => ((flow.arrivalTimer = undefined), this.deliver(flow)), next.at - now)
  }

  private pick(now: number): Flow | undefined {
    for (let i = 0; i < this.flows.length; i++) {
      const flow = this.flows[(this.next + i) % this.flows.length]!
      if (flow.queue.length > 0 && flow.readyAt <= now) {
        this.next = (this.next + i + 1) % this.flows.length
        return flow
      }
    }
    return undefined
  }
}

export async function startThrottleRelay(upstreamPort: number, opts: { kbits: number; rttMs: number }): Promise<ThrottleRelay> {
  const bytesPerMs = (opts.kbits * 1000) / 8 / 1000
  const up = new Link(bytesPerMs, opts.rttMs / 2)
  const down = new Link(bytesPerMs, opts.rttMs / 2)
  const sockets = new Set<Socket>()
  const requests: RelayedRequest[] = []

  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: upstreamPort })
    const readyAt = performance.now() + opts.rttMs // the handshake's round trip
    const toServer: Flow = { readyAt, queue: [], arriving: [], target: upstream }
    const toClient: Flow = { readyAt, queue: [], arriving: [], target: client }
    up.add(toServer)
    down.add(toClient)
    for (const s of [client, upstream]) sockets.add(s)
    client.on('data', (d) => {
      const path = /^[A-Z]+ (\S+) HTTP\//.exec(d.subarray(0, 200).toString('latin1'))?.[1]
      if (path) {
        toClient.api = path.startsWith('/api/')
        toClient.request = { path, at: performance.now(), bytes: 0, doneAt: 0 }
        requests.push(toClient.request)
      }
      up.push(toServer, d)
    })
    upstream.on('data', (d) => down.push(toClient, d))
    let ending = false
    const end = () => {
      if (ending) return
      ending = true
      // Close once what is still queued has crossed the link and arrived.
      const drain = setInterval(() => {
        if ([toServer, toClient].some((f) => f.queue.length > 0 || f.arriving.length > 0)) return
        clearInterval(drain)
        up.remove(toServer)
        down.remove(toClient)
        client.destroy()
        upstream.destroy()
      }, 50)
    }
    client.on('close', end).on('error', end)
    upstream.on('close', end).on('error', end)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('relay has no port')
  return {
    port: address.port,
    downBytes: () => down.bytes,
    apiDownBytes: () => down.apiBytes,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
