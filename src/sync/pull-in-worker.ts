import { loadDb } from '../db/load-db.ts'
import type { SyncReply, SyncRequest } from './sync-messages.ts'

let worker: Worker | undefined
let pagePull: Promise<typeof import('./pull.ts')> | undefined

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
    return pull(db)
  }
  const id = nextId++
  const reply = await new Promise<SyncReply>((resolve) => {
    waiting.set(id, resolve)
    syncWorker().postMessage({ id } satisfies SyncRequest)
  })
  if (!reply.ok) throw new Error('sync did not land')
  return reply.syncedAt
}
