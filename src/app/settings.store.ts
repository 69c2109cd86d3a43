import { defineStore } from 'pinia'
import { ref } from 'vue'
import { db } from '../db/db.ts'
import { readSettings, saveSetting } from '../db/settings.ts'
import { applyLocale } from '../i18n/i18n.ts'
import { SOURCE_LOCALE } from '../i18n/locales.ts'

/** The person's choices on this phone (language, district), kept in IndexedDB. */
export const useSettingsStore = defineStore('settings', () => {
  const locale = ref<string | undefined>()
  const district = ref<string | undefined>()

  async function load(): Promise<void> {
    const saved = await readSettings(db)
    locale.value = saved.locale
    district.value = saved.district
    await applyLocale(saved.locale ?? SOURCE_LOCALE)
  }

  async function chooseLocale(code: string): Promise<void> {
    await applyLocale(code)
    await saveSetting(db, 'locale', code)
    locale.value = code
  }

  /** The district decides which contacts and meetups come first; it stays on this phone. */
  async function chooseDistrict(slug: string): Promise<void> {
    await saveSetting(db, 'district', slug)
    district.value = slug
  }

  return { locale, district, load, chooseLocale, chooseDistrict }
})
