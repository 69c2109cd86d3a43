// Pulls and stores sync deltas off the main thread: parsing and writing a few hundred rows to
// IndexedDB never blocks taps and scrolling on a slow phone. Dexie tells the page's live queries
// about the new rows through its BroadcastChannel.
import { db } from '../db/db.ts'
import { pull } from './pull.ts'
import type { SyncReply, SyncRequest } from './sync-messages.ts'

addEventListener('message', (event: MessageEvent<SyncRequest>) => {
  const { id } = event.data
  pullAndTell(id).then((reply) => postMessage(reply))
})

async function pullAndTell(id: number): Promise<SyncReply> {
  try {
    return { id, ok: true, syncedAt: await pull(db) }
  } catch {
    return { id, ok: false }
  }
}
