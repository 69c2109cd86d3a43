import { loadDb } from '../db/load-db.ts'
import type { SyncReply, SyncRequest } from './sync-messages.ts'
import { firstPullPath } from './sync-scope.ts'

let worker: Worker | undefined
let pagePull: Promise<typeof import('./pull.ts')> | undefined

// A first visit's first answer, asked for before the code that stores it has arrived (see prefetchFirstPull).
let early: { url: string; response: Promise<Response> } | undefined

/**
 * On a first visit whose language is known at start (tapped in the prerendered picker), the first pull's
 * request goes out at once, beside the downloads of the database and view code instead of after them —
 * or has gone out already, with the tap itself (src/app/picker-taps.js); the pull takes its answer if it
 * asks for the same thing (it does, unless the person changed their choice meanwhile).
 */
export function prefetchFirstPull(locale: string): void {
  const url = firstPullPath(locale)
  early = takeTappedPull(url) ?? { url, response: fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' }) }
  early.response.catch(() => undefined) // offline: the pull asks again
}

/** The pull takes the answer a tap in the prerendered picker asked for, if it was for this language; asks for nothing itself. */
export function adoptTappedPull(locale: string): void {
  early = takeTappedPull(firstPullPath(locale)) ?? early
  early?.response.catch(() => undefined)
}

function takeTappedPull(url: string): typeof early {
  const page = globalThis as { willkommenEarlyPull?: typeof early }
  const tapped = page.willkommenEarlyPull
  delete page.willkommenEarlyPull
  return tapped?.url === url ? tapped : undefined
}

function fetchOrEarly(input: string, init?: RequestInit): Promise<Response> {
  const answer = early?.url === input ? early.response : undefined
  early = undefined
  return answer ?? fetch(input, init)
}

/** Starts downloading the code for a pull on the page (a phone's first pull), once. */
export function preparePullOnPage(): Promise<typeof import('./pull.ts')> {
  pagePull ??= import('./pull.ts').catch((error: unknown) => {
    pagePull = undefined // offline: the next pull tries again
    throw error
  })
  return pagePull
}
let nextId = 1
const waiting = new Map<number, (reply: SyncReply) => void>()

function syncWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' })
    worker.addEventListener('message', (event: MessageEvent<SyncReply>) => {
      waiting.get(event.data.id)?.(event.data)
      waiting.delete(event.data.id)
    })
    // A worker that fails to load or crashes answers every open pull with "did not land"; the next
    // pull starts a new one.
    worker.addEventListener('error', () => {
      for (const [id, answer] of waiting) answer({ id, ok: false })
      waiting.clear()
      worker?.terminate()
      worker = undefined
    })
  }
  return worker
}

/**
 * One pull in the sync worker (or on the page when asked, and where there are no workers: very old
 * browsers); answers when it landed, and throws when it did not (offline or the server away).
 */
export async function pullInWorker({ onPage = false } = {}): Promise<string | undefined> {
  if (onPage || typeof Worker === 'undefined') {
    const [{ pull }, db] = await Promise.all([preparePullOnPage(), loadDb()])
    return pull(db, fetchOrEarly)
  }
  const id = nextId++
  const reply = await new Promise<SyncReply>((resolve) => {
    waiting.set(id, resolve)
    syncWorker().postMessage({ id } satisfies SyncRequest)
  })
  if (!reply.ok) throw new Error('sync did not land')
  return reply.syncedAt
}
