import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { loadDb } from '../db/load-db.ts'
import { saveSetting, type Settings } from '../db/settings.ts'
import { applyLocale } from '../i18n/i18n.ts'
import { isSituation, type Situation } from '../shared/guide/situations.ts'

/** The person's choices on this phone (language, district, situation), kept in IndexedDB. */
export const useSettingsStore = defineStore('settings', () => {
  const locale = ref<string | undefined>()
  const district = ref<string | undefined>()
  const nearbyDistricts = ref(false)
  const situation = ref<Situation | undefined>()
  const situationOffered = ref(false)
  const offlineReadyShown = ref(false)

  /** Takes the settings read at start (src/db/start-state.ts) and shows the app in the chosen language. */
  async function load(saved: Settings): Promise<void> {
    locale.value = saved.locale
    district.value = saved.district
    nearbyDistricts.value = saved.nearbyDistricts === true
    situation.value = isSituation(saved.situation) ? saved.situation : undefined
    situationOffered.value = saved.situationOffered === true
    offlineReadyShown.value = saved.offlineReadyShown === true
    // Before a first choice the router shows the language picker in the phone's language (src/app/router.ts).
    if (saved.locale) await applyLocale(saved.locale)
  }

  // The choice made on the start address is asked for twice at once, by the router and by the first pull.
  let choosing: { code: string; done: Promise<void> } | undefined

  /** Shows the app in this language and keeps the choice; its texts and the database download side by side. */
  function chooseLocale(code: string): Promise<void> {
    if (choosing?.code === code) return choosing.done
    const done = Promise.all([applyLocale(code), loadDb()])
      .then(([, db]) => saveSetting(db, 'locale', code))
      .then(() => void (locale.value = code))
      .finally(() => {
        if (choosing?.done === done) choosing = undefined
      })
    choosing = { code, done }
    return done
  }

  /** Resolves once a language is chosen (at once when it is). */
  function whenLocaleChosen(): Promise<void> {
    if (locale.value) return Promise.resolve()
    return new Promise((resolve) => {
      const stop = watch(locale, (code) => {
        if (!code) return
        stop()
        resolve()
      })
    })
  }

  /** The district decides which contacts and meetups come first; it stays on this phone. */
  async function chooseDistrict(slug: string): Promise<void> {
    await saveSetting(await loadDb(), 'district', slug)
    district.value = slug
  }

  /** Also keep the neighbouring districts' meetups and contacts on this phone (off until the person asks). */
  async function chooseNearbyDistricts(on: boolean): Promise<void> {
    await saveSetting(await loadDb(), 'nearbyDistricts', on)
    nearbyDistricts.value = on
  }

  /** Which describes the person, or none (everything shows); it never leaves this phone. Also ends the guide's offer. */
  async function chooseSituation(chosen: Situation | undefined): Promise<void> {
    const db = await loadDb()
    await saveSetting(db, 'situation', chosen ?? null)
    await saveSetting(db, 'situationOffered', true)
    situation.value = chosen
    situationOffered.value = true
  }

  /** The notice "works offline now" appears once per phone. */
  async function markOfflineReadyShown(): Promise<void> {
    offlineReadyShown.value = true
    await saveSetting(await loadDb(), 'offlineReadyShown', true)
  }

  return { locale, district, nearbyDistricts, situation, situationOffered, offlineReadyShown, load, chooseLocale, whenLocaleChosen, chooseDistrict, chooseNearbyDistricts, chooseSituation, markOfflineReadyShown }
})
