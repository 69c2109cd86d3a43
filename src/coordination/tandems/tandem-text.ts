import type { MatchReason } from '../../shared/coordination/tandem-ranking.ts'
import { districtBySlug } from '../../shared/districts.ts'
import { languageName } from '../../i18n/format.ts'
import { slotText as slotTextIn } from '../../volunteering/tandem-text.ts'

export { languagesText } from '../../volunteering/tandem-text.ts'

type Translate = (key: string, params?: Record<string, unknown>) => string

export const districtName = (slug: string): string => districtBySlug(slug)?.name ?? slug

export const kindName = (t: Translate, kind: string): string => t(`volunteering.tandemKinds.${kind}.title`)

/** Slots with the short weekday ("Tue evening"): the workspace's cards are dense. */
export const slotText = (t: Translate, slot: string, locale: string): string => slotTextIn(t, slot, locale, 'short')

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
