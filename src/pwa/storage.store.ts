import { defineStore } from 'pinia'
import { ref } from 'vue'
import { loadDb } from '../db/load-db.ts'
import { keepStorageOnce, storageIsPersistent } from './keep-storage.ts'

/** Row of the `meta` table: the browser was asked once to keep this app's storage. */
const ASKED_KEY = 'storagePersistAsked'

/**
 * Keeping what the person stored: after the first ticked step, bookmark or sent form the app asks the
 * browser once for persistent storage; the settings screen shows whether the browser keeps it.
 */
export const useStorageStore = defineStore('storage', () => {
  /** true or false as the browser answers; undefined until asked, or where the browser does not say. */
  const persistent = ref<boolean | undefined>()
  /** The browser has been asked at least once in this visit (until then the state is not shown). */
  const checked = ref(false)
  const keep = keepStorageOnce(navigator.storage, {
    read: async () => (await (await loadDb()).meta.get(ASKED_KEY))?.value === true,
    write: async () => void (await (await loadDb()).meta.put({ key: ASKED_KEY, value: true })),
  })

  async function refresh(): Promise<void> {
    persistent.value = await storageIsPersistent(navigator.storage)
    checked.value = true
  }

  /** Called after the person kept something on the phone (a tick, a bookmark, a form in the outbox). */
  async function keptSomething(): Promise<void> {
    await keep()
    await refresh()
  }

  return { persistent, checked, refresh, keptSomething }
})
