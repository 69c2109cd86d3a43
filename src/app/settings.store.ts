import { defineStore } from 'pinia'
import { ref } from 'vue'
import { loadDb } from '../db/load-db.ts'
import { saveSetting, type Settings } from '../db/settings.ts'
import { applyLocale } from '../i18n/i18n.ts'
import { SOURCE_LOCALE } from '../i18n/locales.ts'

/** The person's choices on this phone (language, district), kept in IndexedDB. */
export const useSettingsStore = defineStore('settings', () => {
  const locale = ref<string | undefined>()
  const district = ref<string | undefined>()
  const nearbyDistricts = ref(false)

  /** Takes the settings read at start (src/db/start-state.ts) and shows the app in the chosen language. */
  async function load(saved: Settings): Promise<void> {
    locale.value = saved.locale
    district.value = saved.district
    nearbyDistricts.value = saved.nearbyDistricts === true
    await applyLocale(saved.locale ?? SOURCE_LOCALE)
  }

  async function chooseLocale(code: string): Promise<void> {
    await applyLocale(code)
    await saveSetting(await loadDb(), 'locale', code)
    locale.value = code
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

  return { locale, district, nearbyDistricts, load, chooseLocale, chooseDistrict, chooseNearbyDistricts }
})
