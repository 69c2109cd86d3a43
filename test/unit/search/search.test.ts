import { shippedGuideSteps } from '../../fixtures/shipped-guide.ts'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildSearchIndex, groupHits, searchIndex, type SearchLanguage } from '../../../src/search/search-index.ts'
import { loadStemmer } from '../../../src/search/word-stems.ts'
import { searchDocs } from '../../../src/search/search-docs.ts'
import { foldText } from '../../../src/shared/fold-text.ts'
import { pickText } from '../../../src/i18n/localized.ts'
import { FIXTURE_CONTACTS, FIXTURE_STEPS, syncedRows } from '../../fixtures/guide-steps.ts'
import { joinGuide } from '../../../src/guide/guide-entry.ts'
import type { Meetup } from '../../../src/shared/meetups/meetup.schema.ts'

const MEETUP: Meetup = {
  id: '00000000-0000-4000-a000-000000000001',
  kind: 'language-cafe',
  title: { de: 'Sprachcafé Stendal', ar: 'مقهى اللغة في شتندال' },
  description: { de: 'Deutsch üben bei Kaffee.' },
  district: 'stendal',
  placeName: 'Stadtbibliothek (Beispiel)',
  address: 'Beispielstraße 5, 39576 Stendal',
  latitude: null,
  longitude: null,
  accessibility: null,
  organiser: 'Stadtbibliothek (Beispiel)',
  languages: ['de'],
  audience: ['newcomers'],
  cost: null,
  registrationRequired: false,
  capacity: null,
  startsLocal: '2026-12-01T16:00',
  durationMinutes: 90,
  rrule: 'FREQ=WEEKLY;BYDAY=TU',
  exceptions: [],
  revision: 0,
  isSample: true,
}

const languages = new Map<string, SearchLanguage>()
beforeAll(async () => {
  for (const locale of ['de', 'en', 'uk', 'ar']) languages.set(locale, { locale, stem: await loadStemmer(locale), germanStem: await loadStemmer('de') })
})

function indexFor(locale: string) {
  return buildSearchIndex(searchDocs({ steps: FIXTURE_STEPS, contacts: FIXTURE_CONTACTS, meetups: [MEETUP] }, locale), languages.get(locale)!)
}

describe('folding for search', () => {
  it('removes umlauts, accents and Arabic short vowels, and writes ß as ss', () => {
    expect(foldText('Behörde Straße Café')).toBe('behorde strasse cafe')
    expect(foldText('مَقْهَى')).toBe('مقهى')
  })
})

describe('offline search', () => {
  it('finds a step by its German word for an Arabic user, to be shown in Arabic', () => {
    const hits = searchIndex(indexFor('ar'), 'Anmeldung')
    expect(hits[0]).toMatchObject({ kind: 'step', id: 'anmeldung' })
    const step = FIXTURE_STEPS.find((s) => s.id === hits[0]!.id)!
    expect(pickText(step.title, 'ar').text).toBe('تسجيل السكن')
  })

  it('finds it by the Arabic words too', () => {
    expect(searchIndex(indexFor('ar'), 'تسجيل')[0]).toMatchObject({ id: 'anmeldung' })
  })

  it('forgives a typo', () => {
    expect(searchIndex(indexFor('de'), 'Anmldung')[0]).toMatchObject({ kind: 'step', id: 'anmeldung' })
  })

  it('finds Behörde typed without the umlaut, and Ausländerbehörde by its start', () => {
    const ids = searchIndex(indexFor('en'), 'Behorde').map((h) => h.id)
    expect(ids).toContain('anmeldung')
    expect(searchIndex(indexFor('uk'), 'auslander')[0]).toMatchObject({ kind: 'contact', id: 'abh-stendal' })
  })

  it('answers from the first keystrokes', () => {
    expect(searchIndex(indexFor('de'), 'Spra').map((h) => h.id)).toEqual(expect.arrayContaining(['language-cafe', MEETUP.id]))
  })

  it('ranks a title match above a match in the text', () => {
    const hits = searchIndex(indexFor('de'), 'Sprachcafé')
    expect(hits.slice(0, 2).map((h) => h.id).sort()).toEqual(['language-cafe', MEETUP.id].sort())
  })

  it('needs all words when they all match, and falls back to any word', () => {
    expect(searchIndex(indexFor('de'), 'Sprachcafé Stendal').map((h) => h.id)).toEqual([MEETUP.id])
    expect(searchIndex(indexFor('de'), 'Sprachcafé Xylophon').length).toBeGreaterThan(0)
    expect(searchIndex(indexFor('de'), '   ')).toEqual([])
  })

  it('groups hits by kind in the order steps, contacts, meetups, whatever their scores', () => {
    // A step that scored lowest still comes first (the hits arrive in the opposite order).
    const hits = [
      { kind: 'meetup' as const, id: 'm', score: 9 },
      { kind: 'contact' as const, id: 'c', score: 8 },
      { kind: 'step' as const, id: 's', score: 1 },
      { kind: 'meetup' as const, id: 'm2', score: 0.5 },
    ]
    expect(groupHits(hits).map((g) => [g.kind, g.hits.map((h) => h.id)])).toEqual([
      ['step', ['s']],
      ['contact', ['c']],
      ['meetup', ['m', 'm2']],
    ])
    // From the index: the meetup matches "Stendal" better than the office does, the office is still listed first.
    const raw = searchIndex(indexFor('de'), 'Stendal')
    expect(raw.map((h) => h.kind)).toEqual(['meetup', 'contact'])
    expect(groupHits(raw).map((g) => g.kind)).toEqual(['contact', 'meetup'])
    expect(groupHits([])).toEqual([])
  })
})

describe('search over the real guide content', () => {
  const seed = shippedGuideSteps()
  const steps = joinGuide({ ...syncedRows(seed), notes: [] }, undefined)
  const contacts = (JSON.parse(readFileSync('server/contacts/sample-contacts.json', 'utf8')) as typeof FIXTURE_CONTACTS).map((c) => ({ ...c, isSample: true }))
  const index = (locale: string) => buildSearchIndex(searchDocs({ steps, contacts, meetups: [] }, locale), languages.get(locale)!)

  it.each(['ar', 'uk', 'en', 'de'])('"Anmeldung" and the typo "Anmldung" find the registration step first (%s)', (locale) => {
    const idx = index(locale)
    expect(searchIndex(idx, 'Anmeldung')[0]).toMatchObject({ kind: 'step', id: 'register-address' })
    expect(searchIndex(idx, 'Anmldung')[0]).toMatchObject({ kind: 'step', id: 'register-address' })
  })

  it('"Auslanderbehorde" and "Behorde" without umlauts find the residence permit step for an Arabic user', () => {
    const steps = (q: string) => searchIndex(index('ar'), q).filter((h) => h.kind === 'step').map((h) => h.id)
    expect(steps('Auslanderbehorde')).toContain('residence-permit')
    expect(steps('Behorde')).toContain('residence-permit')
  })
})

describe('German compound words', () => {
  it('index every ending from five letters on', async () => {
    const { withWordEnds } = await import('../../../src/search/search-index.ts')
    expect(withWordEnds('auslanderbehorde')).toContain('behorde')
    expect(withWordEnds('auslanderbehorde')).not.toContain('orde')
    expect(withWordEnds('amt')).toEqual(['amt'])
  })
})
