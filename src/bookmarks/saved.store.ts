import { defineStore } from 'pinia'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import { readSavedItems, type SavedItem } from './saved-items.ts'

/** The "Saved" list with each item's current content; only loaded with that view. */
export const useSavedStore = defineStore('saved', () => {
  const items = useLiveQuery(() => readSavedItems(db), [] as SavedItem[])
  return { items }
})
