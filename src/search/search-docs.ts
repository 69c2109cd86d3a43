import type { Contact } from '../shared/contacts/contact.schema.ts'
import type { GuideEntry } from '../guide/guide-entry.ts'
import type { LocalizedText } from '../shared/localized-text.ts'
import type { Meetup } from '../shared/meetups/meetup.schema.ts'
import { districtBySlug } from '../shared/districts.ts'
import { SOURCE_LOCALE } from '../i18n/locales.ts'

export type SearchKind = 'step' | 'contact' | 'meetup'

/** One searchable thing, with its text in the chosen language and in German side by side. */
export interface SearchDoc {
  key: string
  kind: SearchKind
  id: string
  title: string
  text: string
  titleDe: string
  textDe: string
  extra: string
}

// German always goes to the *De fields, where compound words are split for matching (search-index.ts);
// the other fields hold the chosen language and stay empty for German, so nothing counts twice.
function inLocale(text: LocalizedText | null | undefined, locale: string): string {
  return locale === SOURCE_LOCALE ? '' : (text?.[locale] ?? '')
}

function german(text: LocalizedText | null | undefined): string {
  return text?.[SOURCE_LOCALE] ?? ''
}

function districtName(slug: string): string {
  return districtBySlug(slug)?.name ?? ''
}

export function stepDoc(step: GuideEntry, locale: string): SearchDoc {
  return {
    key: `step:${step.id}`,
    kind: 'step',
    id: step.id,
    title: inLocale(step.title, locale),
    text: locale === SOURCE_LOCALE ? '' : [inLocale(step.text, locale), ...(step.bring[locale] ?? [])].join(' '),
    titleDe: step.title[SOURCE_LOCALE] ?? '',
    textDe: [step.text[SOURCE_LOCALE] ?? '', ...(step.bring[SOURCE_LOCALE] ?? [])].join(' '),
    extra: '',
  }
}

export function contactDoc(contact: Contact, locale: string): SearchDoc {
  return {
    key: `contact:${contact.id}`,
    kind: 'contact',
    id: contact.id,
    title: '',
    text: inLocale(contact.kind, locale),
    titleDe: contact.name,
    textDe: german(contact.kind),
    extra: [contact.address ?? '', districtName(contact.district)].join(' '),
  }
}

export function meetupDoc(meetup: Meetup, locale: string): SearchDoc {
  return {
    key: `meetup:${meetup.id}`,
    kind: 'meetup',
    id: meetup.id,
    title: inLocale(meetup.title, locale),
    text: inLocale(meetup.description, locale),
    titleDe: german(meetup.title),
    textDe: german(meetup.description),
    extra: [meetup.placeName, meetup.address, districtName(meetup.district)].join(' '),
  }
}

export function searchDocs(
  content: { steps: readonly GuideEntry[]; contacts: readonly Contact[]; meetups: readonly Meetup[] },
  locale: string,
): SearchDoc[] {
  return [
    ...content.steps.map((s) => stepDoc(s, locale)),
    ...content.contacts.map((c) => contactDoc(c, locale)),
    ...content.meetups.map((m) => meetupDoc(m, locale)),
  ]
}
