/** The languages the app speaks, German (the source) first; `src/i18n/locales.ts` describes each for the phone. */
export const LOCALE_CODES = ['de', 'en', 'uk', 'ar'] as const
export type LocaleCode = (typeof LOCALE_CODES)[number]
