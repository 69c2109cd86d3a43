import type { ManagedEntry } from '../shared/volunteering/manage.schema.ts'
import { districtBySlug } from '../shared/districts.ts'
import { formatList } from '../i18n/format.ts'
import { languagesText, slotText } from '../volunteering/tandem-text.ts'

type Translate = (key: string, params?: Record<string, unknown>) => string

export interface Fact {
  label: string
  value: string
  /** Written by the person (name, note): shown with `dir="auto"`; addresses and numbers `ltr`. */
  dir: 'auto' | 'ltr'
}

/** Everything the person gave, as labelled lines in the page's language, in the order of the forms. Empty once erased. */
export function entryFacts(entry: ManagedEntry, t: Translate, locale: string): Fact[] {
  const p = (entry.personal ?? {}) as Record<string, unknown>
  const facts: Fact[] = []
  const add = (labelKey: string, value: unknown, dir: Fact['dir'] = 'auto') => {
    if (typeof value === 'string' && value !== '') facts.push({ label: t(labelKey), value, dir })
  }
  if (!entry.personal) return facts
  add('volunteering.form.name', p.name)
  if (entry.type === 'registration') {
    add('volunteering.register.organisation', p.organisation)
    add('volunteering.form.email', p.email, 'ltr')
    if (entry.about.workingGroup) add('volunteering.register.workingGroup', t(`volunteering.workingGroups.${String(entry.about.workingGroup)}`))
    add('volunteering.register.contribution', p.contribution)
    return facts
  }
  add('volunteering.form.email', p.email, 'ltr')
  add('volunteering.form.phone', p.phone, 'ltr')
  add('volunteering.form.district', districtBySlug(String(entry.about.district))?.name)
  add('volunteering.form.town', p.town)
  if (Array.isArray(p.languages) && p.languages.length) add('volunteering.form.languages', languagesText(t, p.languages as Array<{ code: string; level: string }>, locale))
  if (Array.isArray(p.availability) && p.availability.length) {
    add('volunteering.form.availability', formatList((p.availability as string[]).map((slot) => slotText(t, slot, locale)), locale))
  }
  add('volunteering.form.interests', p.interests)
  if (typeof p.travelKm === 'number') {
    add('volunteering.form.travel', p.travelKm === 0 ? t('volunteering.form.travelLocal') : t('volunteering.form.travelKm', { km: p.travelKm }))
  }
  if (p.onlineOk === true) add('volunteering.form.onlineOk', t('manage.yes'))
  add('volunteering.form.note', p.note)
  return facts
}
