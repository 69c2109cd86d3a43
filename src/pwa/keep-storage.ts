/** The part of `navigator.storage` (StorageManager) that decides whether the browser may evict the app's data. */
export interface PersistApi {
  persist?: () => Promise<boolean>
  persisted?: () => Promise<boolean>
}

/** Where the phone remembers that it asked (so a reload does not ask again). */
export interface AskedFlag {
  read: () => Promise<boolean>
  write: () => Promise<void>
}

/**
 * Returns "the person kept something": the first call asks the browser to keep this app's storage
 * (`persist()`), so a phone short of space does not evict progress, bookmarks and the outbox; every
 * later call, in this visit or after a reload, asks nothing. Answers whether storage is persistent
 * (undefined where the browser has no such API).
 */
export function keepStorageOnce(api: PersistApi | undefined, asked: AskedFlag): () => Promise<boolean | undefined> {
  let once: Promise<boolean | undefined> | undefined
  async function ask(): Promise<boolean | undefined> {
    if (!api?.persist) return undefined
    const already = await api.persisted?.()
    if (already || (await asked.read())) return already
    // Written first: a browser that shows a prompt (Firefox) should show it once, even if the page closes meanwhile.
    await asked.write()
    return api.persist()
  }
  return () => (once ??= ask().catch(() => undefined))
}

/** Whether the browser keeps this app's storage when space runs short; undefined where it does not say. */
export async function storageIsPersistent(api: PersistApi | undefined): Promise<boolean | undefined> {
  return api?.persisted ? api.persisted().catch(() => undefined) : undefined
}
