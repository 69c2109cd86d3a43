import { describe, expect, it } from 'vitest'
import { LOCALES, localesForPhone, matchLocale, pluralRule } from '../../../src/i18n/locales.ts'

describe('locale registry', () => {
  it('offers twenty languages and Easy German, German first; Arabic, Dari, Pashto, Farsi and Sorani right-to-left', () => {
    expect(LOCALES.map((l) => l.code)).toEqual(['de', 'de-x-easy', 'en', 'uk', 'ar', 'ru', 'pl', 'ro', 'prs', 'ps', 'fa', 'bg', 'tr', 'kmr', 'ckb', 'vi', 'ti', 'so', 'es', 'fr', 'sq'])
    expect(LOCALES.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar', 'prs', 'ps', 'fa', 'ckb'])
    expect(new Set(LOCALES.map((l) => l.nativeName)).size).toBe(LOCALES.length)
  })

  it('marks every translation automatic until a person has checked it; German is the source', () => {
    expect(LOCALES.filter((l) => l.quality !== 'automatic').map((l) => [l.code, l.quality])).toEqual([['de', 'source']])
  })

  it('is a valid BCP 47 tag each, Easy German as German with a private-use subtag', () => {
    // Intl reads Dari's and Kurmanji's own tags as their CLDR aliases: Afghan Persian, Kurdish.
    const aliases: Record<string, string> = { prs: 'fa-AF', kmr: 'ku' }
    for (const { code } of LOCALES) expect(Intl.getCanonicalLocales(code)).toEqual([aliases[code] ?? code])
    expect(new Intl.Locale('de-x-easy').language).toBe('de')
  })

  it('matches the phone languages to a supported locale, Afghan Persian to Dari and Kurdish to Kurmanji', () => {
    expect(matchLocale(['ar-SY', 'en'])).toBe('ar')
    expect(matchLocale(['hi-IN', 'pl-PL', 'uk-UA'])).toBe('pl')
    expect(matchLocale(['fa-AF'])).toBe('prs')
    expect(matchLocale(['fa-IR'])).toBe('fa')
    expect(matchLocale(['ku-TR'])).toBe('kmr')
    expect(matchLocale(['ckb-IQ'])).toBe('ckb')
    expect(matchLocale(['hi-IN'])).toBeUndefined()
  })

  it('lists the phone languages first, in the phone order, then all the others', () => {
    const { phone, others } = localesForPhone(['ti-ER', 'en-GB', 'en-US', 'hi'])
    expect(phone.map((l) => l.code)).toEqual(['ti', 'en'])
    expect(others).toHaveLength(LOCALES.length - 2)
    expect(others[0]!.code).toBe('de')
  })
})

describe('plural rules', () => {
  it('picks all six Arabic forms in CLDR order', () => {
    const rule = pluralRule('ar')
    expect([0, 1, 2, 3, 11, 100].map((n) => rule(n, 6))).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('picks the Ukrainian one/few/many forms', () => {
    const rule = pluralRule('uk')
    expect([1, 2, 5, 21, 1.5].map((n) => rule(n, 4))).toEqual([0, 1, 2, 0, 3])
  })

  it('never points past the forms a message has', () => {
    expect(pluralRule('ar')(11, 2)).toBe(1)
    expect(pluralRule('en')(5, 2)).toBe(1)
    expect(pluralRule('en')(1, 2)).toBe(0)
  })
})
