import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { emptyForm, followStart, formErrors, formFromInput, inputFromForm, type EditorForm } from '../../../src/coordination/meetups/editor-form.ts'
import { describeRecurrence, period, previewDates, weekdayName } from '../../../src/coordination/meetups/recurrence-text.ts'
import { meetupEditorErrors } from '../../../src/shared/coordination/meetup-editor.ts'
import { LOCALES } from '../../../src/i18n/locales.ts'

const NOW = new Date('2026-11-22T10:00:00Z')

// The real texts, precompiled as the app gets them: the app's and the editor's, per language.
const files = import.meta.glob<Record<string, unknown>>(['../../../locales/*.json', '../../../locales/coordination/meetups.*.json'], {
  eager: true,
  import: 'default',
})
const messages = Object.fromEntries(
  LOCALES.map((l) => [l.code, { ...files[`../../../locales/${l.code}.json`], ...files[`../../../locales/coordination/meetups.${l.code}.json`] }]),
)
const i18n = createI18n({ legacy: false, locale: 'de', fallbackLocale: 'de', messages: messages as Record<string, Record<string, never>> })
const tr = (locale: string) => (key: string, named?: Record<string, unknown>) => i18n.global.t(key, named ?? {}, { locale })

function filled(overrides: Partial<EditorForm> = {}): EditorForm {
  return {
    ...emptyForm('stendal'),
    title: { de: 'Sprachcafé am Bahnhof' },
    description: { de: 'Deutsch üben.' },
    placeName: 'Bahnhofsmission',
    address: 'Beispielstraße 9, 39576 Stendal',
    organiser: 'Beispielverein',
    date: '2026-12-03',
    time: '17:00',
    recurrence: { type: 'weekly', interval: 2, weekdays: ['TH'], end: { type: 'none' } },
    ...overrides,
  }
}

describe('the editor form', () => {
  it('turns what the inputs hold into the API input: numbers, both coordinates, capacity only with registration', () => {
    const input = inputFromForm(filled({ latitude: ' 52,6055 ', longitude: '11.8594', capacity: '12', durationMinutes: '120', title: { de: ' Sprachcafé ', en: '  ' } }))
    expect(input).toMatchObject({ latitude: 52.6055, longitude: 11.8594, durationMinutes: 120, startsLocal: '2026-12-03T17:00', title: { de: 'Sprachcafé', en: '' } })
    expect(input).not.toHaveProperty('capacity')
    expect(inputFromForm(filled({ registrationRequired: true, capacity: '12' }))).toMatchObject({ registrationRequired: true, capacity: 12 })
    expect(inputFromForm(filled())).not.toHaveProperty('latitude')
  })

  it('takes numbers as the number inputs give them (v-model casts them)', () => {
    const input = inputFromForm(filled({ durationMinutes: 120, registrationRequired: true, capacity: 15 }))
    expect(input).toMatchObject({ durationMinutes: 120, capacity: 15 })
    expect(formErrors(filled({ durationMinutes: 120, registrationRequired: true, capacity: 15 }), { isNew: true, now: NOW })).toEqual({})
  })

  it('round-trips the API input', () => {
    const input = inputFromForm(filled({ registrationRequired: true, capacity: '8', latitude: '52.6', longitude: '11.85' }))
    expect(inputFromForm(formFromInput(input))).toEqual(input)
  })

  it('finds the same problems the server finds, and says what is missing', () => {
    expect(formErrors(filled(), { isNew: true, now: NOW })).toEqual({})
    expect(formErrors(emptyForm(''), { isNew: true, now: NOW })).toMatchObject({
      'title.de': 'errors.required',
      'description.de': 'errors.required',
      placeName: 'errors.required',
      address: 'errors.required',
      organiser: 'errors.required',
      startsLocal: 'errors.required',
      district: 'errors.required',
    })
    expect(formErrors(filled({ latitude: 'north' }), { isNew: true, now: NOW })).toEqual({ latitude: 'errors.invalid' })
    expect(formErrors(filled({ registrationRequired: true, capacity: '0' }), { isNew: true, now: NOW })).toEqual({ capacity: 'errors.invalid' })
    const wrongDay = filled({ date: '2026-12-04' })
    expect(formErrors(wrongDay, { isNew: true, now: NOW })).toEqual(meetupEditorErrors(inputFromForm(wrongDay), { isNew: true, now: NOW }))
    expect(formErrors(wrongDay, { isNew: true, now: NOW })).toEqual({ startsLocal: 'coordinationMeetups.errors.startNotInRule' })
  })

  it('keeps the rule on the first date when the date changes', () => {
    const weekly = { type: 'weekly' as const, interval: 2, weekdays: ['MO' as const, 'TH' as const] }
    expect(followStart(weekly, '2026-12-04', '2026-12-03')).toEqual({ ...weekly, weekdays: ['MO', 'FR'] })
    expect(followStart({ type: 'weekly', interval: 1, weekdays: [] }, '2026-12-03')).toEqual({ type: 'weekly', interval: 1, weekdays: ['TH'] })
    expect(followStart({ type: 'monthly', interval: 1 }, '2026-12-10')).toEqual({ type: 'monthly', interval: 1, week: 2, weekday: 'TH' })
    expect(followStart({ type: 'monthly', interval: 1 }, '2026-12-31')).toEqual({ type: 'monthly', interval: 1, week: -1, weekday: 'TH' })
    // "Last" stays last when the new day is the last such weekday, even if it is also the fourth.
    expect(followStart({ type: 'monthly', interval: 1, week: -1, weekday: 'FR' }, '2026-12-25')).toEqual({ type: 'monthly', interval: 1, week: -1, weekday: 'FR' })
    expect(followStart({ type: 'none' }, '2026-12-25')).toEqual({ type: 'none' })
  })
})

describe('the rule in plain words', () => {
  it.each([
    ['de', { type: 'weekly' as const, interval: 2, weekdays: ['TH' as const] }, 'Alle 2 Wochen am Donnerstag, jeweils um 17:00 Uhr'],
    ['en', { type: 'weekly' as const, interval: 2, weekdays: ['TH' as const] }, 'Every 2 weeks on Thursday, at 17:00'],
    ['uk', { type: 'weekly' as const, interval: 2, weekdays: ['TH' as const] }, 'Кожні 2 тижні: четвер, о 17:00'],
    ['de', { type: 'weekly' as const, interval: 1, weekdays: ['MO' as const, 'TH' as const] }, 'Jede Woche am Montag und Donnerstag, jeweils um 17:00 Uhr'],
    ['de', { type: 'monthly' as const, interval: 1, week: 2 as const, weekday: 'TH' as const }, 'Jeden Monat am zweiten Donnerstag, jeweils um 17:00 Uhr'],
    ['en', { type: 'monthly' as const, interval: 3, week: -1 as const, weekday: 'FR' as const }, 'Every 3 months on the last Friday, at 17:00'],
    [
      'de',
      { type: 'weekly' as const, interval: 1, weekdays: ['TH' as const], end: { type: 'until' as const, date: '2027-06-24' } },
      'Jede Woche am Donnerstag, jeweils um 17:00 Uhr, bis einschließlich 24. Juni 2027',
    ],
    ['en', { type: 'weekly' as const, interval: 1, weekdays: ['TH' as const], end: { type: 'count' as const, count: 6 } }, 'Every week on Thursday, at 17:00; number of dates: 6'],
    ['de', { type: 'none' as const }, 'Einmalig am 3. Dezember 2026 um 17:00 Uhr'],
  ])('in %s: %j', (locale, recurrence, text) => {
    expect(describeRecurrence(recurrence, '2026-12-03T17:00', tr(locale), locale)).toBe(text)
  })

  it('names weekdays and periods in each language by Intl', () => {
    expect(weekdayName('TH', 'ar')).toBe('الخميس')
    expect(period(3, 'month', 'uk')).toBe('3 місяці')
    expect(period(5, 'week', 'uk')).toBe('5 тижнів')
    expect(describeRecurrence({ type: 'monthly', interval: 1, week: 2, weekday: 'TH' }, '2026-12-10T17:00', tr('ar'), 'ar')).toContain('يوم الخميس الثاني من كل شهر')
  })
})

describe('the preview of the next dates (on the phone, with the shared planOccurrences)', () => {
  it('shows the next five dates of a fortnightly rule and no total', () => {
    const preview = previewDates({ startsLocal: '2026-12-03T17:00', durationMinutes: 90, recurrence: { type: 'weekly', interval: 2, weekdays: ['TH'] } }, NOW)!
    expect(preview.total).toBeNull()
    expect(preview.dates.map((d) => d.startsAt)).toEqual([
      '2026-12-03T16:00:00.000Z',
      '2026-12-17T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
      '2027-01-14T16:00:00.000Z',
      '2027-01-28T16:00:00.000Z',
    ])
  })

  it('starts from now for a series that began earlier, and counts a finite one', () => {
    const preview = previewDates(
      { startsLocal: '2026-11-05T17:00', durationMinutes: 60, recurrence: { type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'count', count: 4 } } },
      NOW,
    )!
    expect(preview.dates.map((d) => d.startsAt.slice(0, 10))).toEqual(['2026-11-26'])
    expect(preview.total).toBe(4)
  })

  it('waits for a complete start and rule', () => {
    expect(previewDates({ startsLocal: 'T17:00', durationMinutes: 60, recurrence: { type: 'none' } }, NOW)).toBeUndefined()
    expect(previewDates({ startsLocal: '2026-12-03T17:00', durationMinutes: 60, recurrence: { type: 'weekly', weekdays: [] } }, NOW)).toBeUndefined()
    expect(previewDates({ startsLocal: '2026-12-03T17:00', durationMinutes: 60, recurrence: { type: 'monthly', week: 1 } }, NOW)).toBeUndefined()
    expect(previewDates({ startsLocal: '2026-12-03T17:00', durationMinutes: 60, recurrence: { type: 'none' } }, NOW)).toEqual({
      dates: [expect.objectContaining({ startsAt: '2026-12-03T16:00:00.000Z' })],
      total: 1,
    })
  })
})
