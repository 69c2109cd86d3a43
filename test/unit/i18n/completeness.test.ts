import { describe, expect, it } from 'vitest'
import { checkTranslation } from '../../../scripts/translation-check.ts'
import { LOCALES } from '../../../src/i18n/locales.ts'

/**
 * Every language the picker offers is complete: every UI key and e-mail text, every guide step with its
 * bring-list and links, every glossary word (scripts/translation-check.ts, also `npm run check:translation`).
 * Whether a person has checked it is the registry's `quality`, shown in the app and in the README's table.
 */
describe.each(LOCALES.map((l) => [l.code]))('language %s', (code) => {
  it('has every text of the German source, with the same placeholders, links and bring-lists', () => {
    expect(checkTranslation(code)).toEqual([])
  })
})
