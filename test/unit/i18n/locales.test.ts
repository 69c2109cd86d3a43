import { describe, expect, it } from 'vitest'
import { LOCALES, matchLocale, pluralRule } from '../../../src/i18n/locales.ts'

describe('locale registry', () => {
  it('offers German, English, Ukrainian and Arabic, Arabic right-to-left', () => {
    expect(LOCALES.map((l) => [l.code, l.dir])).toEqual([
      ['de', 'ltr'],
      ['en', 'ltr'],
      ['uk', 'ltr'],
      ['ar', 'rtl'],
    ])
  })

  it('matches the phone languages to a supported locale', () => {
    expect(matchLocale(['ar-SY', 'en'])).toBe('ar')
    expect(matchLocale(['pl-PL', 'uk-UA'])).toBe('uk')
    expect(matchLocale(['pl-PL'])).toBeUndefined()
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
