/**
 * The languages the app speaks, German (the source) first; `src/i18n/locales.ts` describes each for the phone.
 * `de-x-easy` is Easy German ("Einfache Sprache", about A2): BCP 47 has no registered subtag for it, so it is
 * German with a private-use extension, which every BCP 47 parser (and `Intl`) reads as German.
 */
export const LOCALE_CODES = [
  'de',
  'de-x-easy',
  'en',
  'uk',
  'ar',
  'ru',
  'pl',
  'ro',
  'prs',
  'ps',
  'fa',
  'bg',
  'tr',
  'kmr',
  'ckb',
  'vi',
  'ti',
  'so',
  'es',
  'fr',
  'sq',
] as const
export type LocaleCode = (typeof LOCALE_CODES)[number]

/** The languages of the coordinator workspace's own texts, of meetup texts and of the registrations export (the guide's content editor covers every language). */
export const WORKSPACE_LOCALE_CODES = ['de', 'en', 'uk', 'ar'] as const satisfies readonly LocaleCode[]
export type WorkspaceLocaleCode = (typeof WORKSPACE_LOCALE_CODES)[number]

/** A language tag as the app writes them: `de`, `prs`, `de-x-easy`. */
export const LANG_TAG_PATTERN = '^[a-z]{2,3}(-x-[a-z]{2,8})?$'
