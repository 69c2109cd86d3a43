import { defineStore } from 'pinia'
import { computed } from 'vue'
import { db } from '../db/db.ts'
import type { Bookmark, BookmarkKind } from '../db/guide-rows.ts'
import { useLiveQuery } from '../db/live-query.ts'
import { useStorageStore } from '../pwa/storage.store.ts'

/** What the person saved (steps, contacts, meetups); kept only on this phone. */
export const useBookmarksStore = defineStore('bookmarks', () => {
  const all = useLiveQuery(() => db.bookmarks.orderBy('savedAt').reverse().toArray(), [] as Bookmark[])
  const keys = computed(() => new Set(all.value.map((b) => `${b.kind}:${b.id}`)))

  function isSaved(kind: BookmarkKind, id: string): boolean {
    return keys.value.has(`${kind}:${id}`)
  }

  async function toggle(kind: BookmarkKind, id: string): Promise<void> {
    if (await db.bookmarks.get([kind, id])) await db.bookmarks.delete([kind, id])
    else {
      await db.bookmarks.put({ kind, id, savedAt: new Date().toISOString() })
      void useStorageStore().keptSomething()
    }
  }

  return { all, isSaved, toggle }
})
