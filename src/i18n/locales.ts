import { LOCALE_CODES, type LocaleCode } from '../shared/locale-codes.ts'

/** The locale registry: every language the app speaks, by its own name, with direction and plurals. */
export interface LocaleInfo {
  code: string
  /** The language's name in itself, shown in the picker. */
  nativeName: string
  dir: 'ltr' | 'rtl'
}

const INFO: Record<LocaleCode, Omit<LocaleInfo, 'code'>> = {
  de: { nativeName: 'Deutsch', dir: 'ltr' },
  en: { nativeName: 'English', dir: 'ltr' },
  uk: { nativeName: 'Українська', dir: 'ltr' },
  ar: { nativeName: 'العربية', dir: 'rtl' },
}

export const LOCALES: readonly LocaleInfo[] = LOCALE_CODES.map((code) => ({ code, ...INFO[code] }))

export const SOURCE_LOCALE = 'de'

export function localeInfo(code: string): LocaleInfo {
  return LOCALES.find((l) => l.code === code) ?? LOCALES[0]!
}

/** The best supported locale for the phone's language list, or undefined when none fits. */
export function matchLocale(preferred: readonly string[]): string | undefined {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if (LOCALES.some((l) => l.code === base)) return base
  }
  return undefined
}

const CATEGORY_ORDER: Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other']

/**
 * vue-i18n plural rule built on Intl.PluralRules: a message lists one form per plural category the
 * language has, in CLDR order (Arabic: zero|one|two|few|many|other; Ukrainian: one|few|many|other).
 */
export function pluralRule(code: string): (choice: number, choicesLength: number) => number {
  const rules = new Intl.PluralRules(code)
  const categories = CATEGORY_ORDER.filter((c) => rules.resolvedOptions().pluralCategories.includes(c))
  return (choice, choicesLength) => {
    const index = categories.indexOf(rules.select(choice))
    return Math.min(Math.max(index, 0), choicesLength - 1)
  }
}
