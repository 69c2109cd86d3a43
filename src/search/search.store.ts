import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import { i18n } from '../i18n/i18n.ts'
import { useSettingsStore } from '../app/settings.store.ts'
import { joinGuide, NO_GUIDE_ROWS, readGuideRows } from '../guide/guide-entry.ts'
import { searchDocs } from './search-docs.ts'
import { buildSearchIndex, groupHits, searchIndex } from './search-index.ts'

/** The search over steps, contacts and meetups, indexed on the phone from IndexedDB (this chunk only). */
export const useSearchStore = defineStore('search', () => {
  const query = ref('')
  const settings = useSettingsStore()
  const rows = useLiveQuery(
    async () => ({ guide: await readGuideRows(db), contacts: await db.contacts.toArray(), meetups: await db.meetups.toArray() }),
    { guide: NO_GUIDE_ROWS, contacts: [], meetups: [] },
  )
  const content = computed(() => ({ ...rows.value, steps: joinGuide(rows.value.guide, settings.district) }))
  // Rebuilt when the content or the language changes; a few hundred documents take milliseconds.
  const index = computed(() => buildSearchIndex(searchDocs(content.value, i18n.global.locale.value)))
  const groups = computed(() => groupHits(searchIndex(index.value, query.value)))

  const byKey = computed(() => {
    const c = content.value
    return {
      step: new Map(c.steps.map((s) => [s.id, s])),
      contact: new Map(c.contacts.map((x) => [x.id, x])),
      meetup: new Map(c.meetups.map((m) => [m.id, m])),
    }
  })

  return { query, groups, byKey }
})
