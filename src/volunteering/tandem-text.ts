import { WEEKDAYS } from '../shared/volunteering/tandem.schema.ts'
import { formatList, languageName } from '../i18n/format.ts'
import { intlLocale } from '../shared/intl-locale.ts'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** `tue-evening` → "Tuesday evening" in the chosen language (the weekday from Intl). */
export function slotText(t: Translate, slot: string, locale: string, weekday: 'long' | 'short' = 'long'): string {
  const [day, part] = slot.split('-')
  const index = WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number])
  // 1 January 2024 was a Monday.
  const name = new Intl.DateTimeFormat(intlLocale(locale), { weekday, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + index)))
  return `${name} ${t(`volunteering.dayParts.${part}`)}`
}

/** "German (native), English (fluent)". */
export function languagesText(t: Translate, languages: ReadonlyArray<{ code: string; level: string }>, locale: string): string {
  return formatList(
    languages.map((l) => `${languageName(l.code, locale)} (${t(`volunteering.levels.${l.level}`)})`),
    locale,
  )
}
