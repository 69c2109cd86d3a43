import type { MatchReason } from '../../shared/coordination/tandem-ranking.ts'
import { districtBySlug } from '../../shared/districts.ts'
import { WEEKDAYS } from '../../shared/volunteering/tandem.schema.ts'
import { formatList, languageName } from '../../i18n/format.ts'

type Translate = (key: string, params?: Record<string, unknown>) => string

export const districtName = (slug: string): string => districtBySlug(slug)?.name ?? slug

export const kindName = (t: Translate, kind: string): string => t(`volunteering.tandemKinds.${kind}.title`)

/** `tue-evening` → "Tuesday evening" in the chosen language (the weekday from Intl). */
export function slotText(t: Translate, slot: string, locale: string): string {
  const [day, part] = slot.split('-')
  const index = WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number])
  // 1 January 2024 was a Monday.
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + index)))
  return `${weekday} ${t(`volunteering.dayParts.${part}`)}`
}

export function languagesText(t: Translate, languages: ReadonlyArray<{ code: string; level: string }>, locale: string): string {
  return formatList(
    languages.map((l) => `${languageName(l.code, locale)} (${t(`volunteering.levels.${l.level}`)})`),
    locale,
  )
}

/**
 * A ranking reason in words: its parameters are codes (language, level, district, kind) that are
 * named here in the coordinator's language; other parameters (a count, a town, words) stay as they are.
 */
export function reasonText(t: Translate, reason: Pick<MatchReason, 'key' | 'params'>, locale: string): string {
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(reason.params)) {
    const text = String(value)
    if (name === 'language') params[name] = languageName(text, locale)
    else if (name === 'level') params[name] = t(`volunteering.levels.${text}`)
    else if (name === 'district') params[name] = districtName(text)
    else if (name === 'kind') params[name] = kindName(t, text)
    else params[name] = value
  }
  return t(reason.key, params)
}
