import { defineStore } from 'pinia'
import { computed } from 'vue'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import type { Contact } from '../shared/contacts/contact.schema.ts'

/** The local contacts directory as synced into IndexedDB. */
export const useContactsStore = defineStore('contacts', () => {
  const rows = useLiveQuery<Contact[] | undefined>(() => db.contacts.toArray(), undefined)
  const all = computed(() => rows.value ?? [])
  /** False until IndexedDB answered, so views do not flash "nothing here yet". */
  const loaded = computed(() => rows.value !== undefined)
  return { all, loaded }
})
