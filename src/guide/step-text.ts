import { SOURCE_LOCALE } from '../i18n/locales.ts'
import type { GuideNote, StoredStatus } from '../shared/guide/guide-step.schema.ts'
import type { GuideEntry } from './guide-entry.ts'
import { intlLocale } from '../shared/intl-locale.ts'

/** What the phone tells about the language it shows: nothing for a reviewed translation or German itself. */
export type TextHint = 'only-german' | 'outdated' | 'machine' | null

export interface StepText {
  lang: string
  title: string
  text: string
  bring: string[]
  hint: TextHint
}

const hintOf = (status: StoredStatus): TextHint => (status === 'reviewed' ? null : status)

/**
 * A step's texts in the wanted language with the hint its status asks for; German with the
 * "only in German" hint when the language is missing.
 */
export function stepText(entry: GuideEntry, locale: string): StepText {
  const status = entry.status[locale]
  if (locale !== SOURCE_LOCALE && status && entry.title[locale]) {
    return {
      lang: locale,
      title: entry.title[locale],
      text: entry.text[locale] ?? '',
      bring: entry.bring[locale] ?? [],
      hint: hintOf(status),
    }
  }
  return {
    lang: SOURCE_LOCALE,
    title: entry.title[SOURCE_LOCALE] ?? '',
    text: entry.text[SOURCE_LOCALE] ?? '',
    bring: entry.bring[SOURCE_LOCALE] ?? [],
    hint: locale === SOURCE_LOCALE ? null : 'only-german',
  }
}

export interface NoteText {
  id: string
  lang: string
  text: string
  hint: TextHint
}

/** A district's note in the wanted language with the hint its status asks for, as for a step's texts. */
export function noteText(note: GuideNote, locale: string): NoteText {
  const own = locale === SOURCE_LOCALE ? undefined : note.text[locale]
  if (own) return { id: note.id, lang: locale, text: own, hint: hintOf(note.status[locale] ?? 'machine') }
  return { id: note.id, lang: SOURCE_LOCALE, text: note.text[SOURCE_LOCALE] ?? '', hint: locale === SOURCE_LOCALE ? null : 'only-german' }
}

/** "checked on 3 March 2026" in the person's language; the date is a calendar day, so no time zone applies. */
export function formatCheckedOn(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
}
