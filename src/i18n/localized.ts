import type { LocalizedText } from '../shared/localized-text.ts'
import { SOURCE_LOCALE } from './locales.ts'

export interface PickedText {
  text: string
  /** Language the text is really in; differs from the wanted one when German stood in. */
  lang: string
  isFallback: boolean
}

/** Content text in the wanted language, or German with a flag so the view can say "only in German". */
export function pickText(text: LocalizedText, locale: string): PickedText {
  const wanted = text[locale]
  if (wanted) return { text: wanted, lang: locale, isFallback: false }
  return { text: text[SOURCE_LOCALE] ?? '', lang: SOURCE_LOCALE, isFallback: locale !== SOURCE_LOCALE }
}
