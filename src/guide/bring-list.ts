import type { BringList } from '../shared/guide/guide-step.schema.ts'
import { SOURCE_LOCALE } from '../i18n/locales.ts'

export interface PickedList {
  items: string[]
  lang: string
  isFallback: boolean
}

/** "What to bring" in the wanted language, or the German list with a flag for the "only in German" hint. */
export function pickList(bring: BringList, locale: string): PickedList {
  const wanted = bring[locale]
  if (wanted && wanted.length > 0) return { items: wanted, lang: locale, isFallback: false }
  const german = bring[SOURCE_LOCALE] ?? []
  return { items: german, lang: SOURCE_LOCALE, isFallback: german.length > 0 && locale !== SOURCE_LOCALE }
}
