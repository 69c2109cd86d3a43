import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import { i18n } from '../i18n/i18n.ts'
import { SOURCE_LOCALE } from '../i18n/locales.ts'
import { useSettingsStore } from '../app/settings.store.ts'
import { joinGuide, NO_GUIDE_ROWS, readGuideRows } from '../guide/guide-entry.ts'
import { readNextDates } from '../meetups/next-dates.ts'
import type { MeetupOccurrence } from '../shared/meetups/meetup.schema.ts'
import { searchDocs } from './search-docs.ts'
import { buildSearchIndex, groupHits, searchIndex, type SearchLanguage } from './search-index.ts'
import { loadStemmer } from './word-stems.ts'

/** The search over steps, contacts and meetups, indexed on the phone from IndexedDB (this chunk only). */
export const useSearchStore = defineStore('search', () => {
  const query = ref('')
  const settings = useSettingsStore()
  const rows = useLiveQuery(
    async () => ({
      guide: await readGuideRows(db),
      contacts: await db.contacts.toArray(),
      meetups: await db.meetups.toArray(),
      nextDates: await readNextDates(db),
    }),
    { guide: NO_GUIDE_ROWS, contacts: [], meetups: [], nextDates: new Map<string, MeetupOccurrence>() },
  )
  const content = computed(() => ({ ...rows.value, steps: joinGuide(rows.value.guide, settings.district) }))
  // The chosen language's stemmer and German's, loaded with this view (a few KB each, cached for offline use).
  const language = shallowRef<SearchLanguage>()
  watch(
    () => i18n.global.locale.value,
    async (locale) => {
      const [stem, germanStem] = await Promise.all([loadStemmer(locale), loadStemmer(SOURCE_LOCALE)])
      if (i18n.global.locale.value === locale) language.value = { locale, stem, germanStem }
    },
    { immediate: true },
  )
  // Rebuilt when the content or the language changes; a few hundred documents take milliseconds.
  const index = computed(() => language.value && buildSearchIndex(searchDocs(content.value, language.value.locale), language.value))
  const groups = computed(() => (index.value ? groupHits(searchIndex(index.value, query.value)) : []))

  const byKey = computed(() => {
    const c = content.value
    return {
      step: new Map(c.steps.map((s) => [s.id, s])),
      contact: new Map(c.contacts.map((x) => [x.id, x])),
      meetup: new Map(c.meetups.map((m) => [m.id, m])),
    }
  })

  /** Where a meetup hit leads: its next date, or the list when it has none ahead. */
  function meetupTarget(meetupId: string) {
    const next = rows.value.nextDates.get(meetupId)
    return next ? { name: 'meetup', params: { occurrenceId: next.id } } : { name: 'meetups' }
  }

  return { query, groups, byKey, meetupTarget }
})
