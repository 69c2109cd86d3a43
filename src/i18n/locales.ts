import { LOCALE_CODES } from '../shared/locale-codes.ts'

/** The locale registry: every language the app speaks, by its own name, with direction and plurals. */
export interface LocaleInfo {
  code: string
  /** The language's name in itself, shown in the picker. */
  nativeName: string
  dir: 'ltr' | 'rtl'
  /**
   * `source`: German, the original. `automatic`: no person has checked the translation yet; the app says so in
   * that language (`language.automaticNotice`). A language becomes `checked` here once a native speaker has read
   * it through (the README's language table names who and when).
   */
  quality: 'source' | 'automatic' | 'checked'
  /** A font the phone may lack, loaded only for this language (`src/i18n/language-fonts.ts`). */
  font?: 'ethiopic'
}

// Every language the app speaks or is being translated into; LOCALE_CODES says which ones ship.
const INFO: Record<string, Omit<LocaleInfo, 'code' | 'quality'> & { quality?: LocaleInfo['quality'] }> = {
  de: { nativeName: 'Deutsch', dir: 'ltr', quality: 'source' },
  'de-x-easy': { nativeName: 'Einfaches Deutsch', dir: 'ltr' },
  en: { nativeName: 'English', dir: 'ltr' },
  uk: { nativeName: 'Українська', dir: 'ltr' },
  ar: { nativeName: 'العربية', dir: 'rtl' },
  ru: { nativeName: 'Русский', dir: 'ltr' },
  pl: { nativeName: 'Polski', dir: 'ltr' },
  ro: { nativeName: 'Română', dir: 'ltr' },
  prs: { nativeName: 'دری', dir: 'rtl' },
  ps: { nativeName: 'پښتو', dir: 'rtl' },
  fa: { nativeName: 'فارسی', dir: 'rtl' },
  bg: { nativeName: 'Български', dir: 'ltr' },
  tr: { nativeName: 'Türkçe', dir: 'ltr' },
  kmr: { nativeName: 'Kurmancî', dir: 'ltr' },
  ckb: { nativeName: 'کوردیی سۆرانی', dir: 'rtl' },
  vi: { nativeName: 'Tiếng Việt', dir: 'ltr' },
  ti: { nativeName: 'ትግርኛ', dir: 'ltr', font: 'ethiopic' },
  so: { nativeName: 'Soomaali', dir: 'ltr' },
  es: { nativeName: 'Español', dir: 'ltr' },
  fr: { nativeName: 'Français', dir: 'ltr' },
  sq: { nativeName: 'Shqip', dir: 'ltr' },
}

export const LOCALES: readonly LocaleInfo[] = LOCALE_CODES.map((code) => ({ quality: 'automatic', ...INFO[code]!, code }))

export const SOURCE_LOCALE = 'de'

/** The picker's language on a phone set to none of the app's languages: more newcomers read English than German. */
export const PICKER_FALLBACK = 'en'

export function localeInfo(code: string): LocaleInfo {
  return LOCALES.find((l) => l.code === code) ?? LOCALES[0]!
}

/**
 * How phones name the app's languages where the tag differs from ours: Dari is Afghan Persian (`fa-AF`), and
 * a phone set to "Kurdish" (`ku`) means Kurmanji, the Kurdish written in Latin letters.
 */
const PHONE_TAGS: Record<string, string> = { 'fa-af': 'prs', ku: 'kmr' }

function appCode(tag: string): string | undefined {
  const lower = tag.toLowerCase()
  const [base = '', region] = lower.split('-')
  const code = PHONE_TAGS[region ? `${base}-${region}` : base] ?? PHONE_TAGS[base] ?? base
  return LOCALES.some((l) => l.code === code) ? code : undefined
}

/** The best supported locale for the phone's language list, or undefined when none fits. */
export function matchLocale(preferred: readonly string[]): string | undefined {
  for (const tag of preferred) {
    const code = appCode(tag)
    if (code) return code
  }
  return undefined
}

/** The app's languages in the phone's order of preference (`navigator.languages`) first, then the others. */
export function localesForPhone(preferred: readonly string[]): { phone: LocaleInfo[]; others: LocaleInfo[] } {
  const phoneCodes = [...new Set(preferred.map(appCode).filter((c): c is string => c !== undefined))]
  const phone = phoneCodes.map((c) => localeInfo(c))
  return { phone, others: LOCALES.filter((l) => !phoneCodes.includes(l.code)) }
}

const CATEGORY_ORDER: Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other']

/**
 * vue-i18n plural rule built on Intl.PluralRules: a message lists one form per plural category the
 * language has, in CLDR order (Arabic: zero|one|two|few|many|other; Ukrainian: one|few|many|other).
 * The rules are made on first use: each costs a slow phone time, and a person uses one or two languages.
 */
export function pluralRule(code: string): (choice: number, choicesLength: number) => number {
  let rules: Intl.PluralRules | undefined
  let categories: Intl.LDMLPluralRule[] = []
  return (choice, choicesLength) => {
    if (!rules) {
      rules = new Intl.PluralRules(code)
      const own = rules.resolvedOptions().pluralCategories
      categories = CATEGORY_ORDER.filter((c) => own.includes(c))
    }
    const index = categories.indexOf(rules.select(choice))
    return Math.min(Math.max(index, 0), choicesLength - 1)
  }
}
