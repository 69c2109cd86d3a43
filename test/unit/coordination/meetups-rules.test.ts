import { describe, expect, it } from 'vitest'
import {
  editorInputToSeries,
  exceptionsInRule,
  meetupEditorErrors,
  meetupToEditorInput,
  normalizeEditorInput,
} from '../../../src/shared/coordination/meetup-editor.ts'
import { MeetupEditorInputSchema, type MeetupEditorInput } from '../../../src/shared/coordination/meetup-editor.schema.ts'
import type { Meetup } from '../../../src/shared/meetups/meetup.schema.ts'
import { validate } from '../../../src/shared/validate.ts'

const NOW = new Date('2026-11-22T10:00:00Z')

function input(overrides: Partial<MeetupEditorInput> = {}): MeetupEditorInput {
  return {
    kind: 'language-cafe',
    title: { de: 'Sprachcafé', en: 'Language café', uk: '', ar: '' },
    description: { de: 'Deutsch üben.' },
    district: 'stendal',
    placeName: 'Bibliothek',
    address: 'Beispielstraße 5, 39576 Stendal',
    accessibility: { de: '' },
    organiser: 'Beispielverein',
    languages: ['de', 'en'],
    audience: ['newcomers'],
    free: true,
    cost: { de: '' },
    registrationRequired: false,
    startsLocal: '2026-12-03T17:00',
    durationMinutes: 90,
    recurrence: { type: 'weekly', interval: 2, weekdays: ['TH'], end: { type: 'none' } },
    ...overrides,
  }
}

describe('rules between the editor fields', () => {
  it('accepts a complete fortnightly language café', () => {
    expect(validate(MeetupEditorInputSchema, input())).toEqual({})
    expect(meetupEditorErrors(input(), { now: NOW, isNew: true })).toEqual({})
  })

  it.each<[string, Partial<MeetupEditorInput>, Record<string, string>]>([
    ['capacity when registration is on', { registrationRequired: true }, { capacity: 'errors.required' }],
    ['a cost text when not free', { free: false }, { 'cost.de': 'errors.required' }],
    ['German accessibility notes when another language has some', { accessibility: { de: '', en: 'Step-free' } }, { 'accessibility.de': 'errors.required' }],
    ['a language', { languages: [] }, { languages: 'errors.required' }],
    ['an audience', { audience: [] }, { audience: 'errors.required' }],
    ['both coordinates', { latitude: 52.6 }, { longitude: 'coordinationMeetups.errors.coordinatesPair' }],
    ['a real day', { startsLocal: '2026-11-31T17:00' }, { startsLocal: 'errors.invalid' }],
    ['a start on a weekday of the rule', { startsLocal: '2026-12-04T17:00' }, { startsLocal: 'coordinationMeetups.errors.startNotInRule' }],
    ['a weekday', { recurrence: { type: 'weekly', interval: 1, weekdays: [] } }, { 'recurrence.weekdays': 'coordinationMeetups.errors.noWeekday' }],
    [
      'a start on the n-th weekday of a monthly rule',
      { recurrence: { type: 'monthly', interval: 1, week: 2, weekday: 'TH' } },
      { startsLocal: 'coordinationMeetups.errors.startNotInRule' },
    ],
    ['the week and the weekday of a monthly rule', { recurrence: { type: 'monthly' } }, { 'recurrence.week': 'errors.required', 'recurrence.weekday': 'errors.required' }],
    ['at most 12 months apart', { recurrence: { type: 'monthly', interval: 24, week: 1, weekday: 'TH' } }, { 'recurrence.interval': 'errors.invalid' }],
    [
      'an end not before the start',
      { recurrence: { type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'until', date: '2026-12-02' } } },
      { 'recurrence.end.date': 'coordinationMeetups.errors.untilBeforeStart' },
    ],
    ['a real end day', { recurrence: { type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'until', date: '2026-02-30' } } }, { 'recurrence.end.date': 'errors.invalid' }],
    ['a count', { recurrence: { type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'count' } } }, { 'recurrence.end.count': 'errors.required' }],
  ])('asks for %s', (_what, overrides, errors) => {
    expect(meetupEditorErrors(input(overrides), { now: NOW })).toEqual(errors)
  })

  it('the first of a monthly rule may be the last weekday, also when it is the fourth', () => {
    // 25 December 2026 is the fourth and the last Friday.
    const last = input({ startsLocal: '2026-12-25T18:00', recurrence: { type: 'monthly', interval: 1, week: -1, weekday: 'FR' } })
    expect(meetupEditorErrors(last, { now: NOW })).toEqual({})
    expect(meetupEditorErrors({ ...last, recurrence: { ...last.recurrence, week: 4 } }, { now: NOW })).toEqual({})
    expect(meetupEditorErrors({ ...last, recurrence: { ...last.recurrence, week: 3 } }, { now: NOW })).toEqual({ startsLocal: 'coordinationMeetups.errors.startNotInRule' })
  })

  it('refuses a first date in the past only for a new event', () => {
    const past = input({ startsLocal: '2026-11-19T17:00' })
    expect(meetupEditorErrors(past, { now: NOW, isNew: true })).toEqual({ startsLocal: 'coordinationMeetups.errors.inPast' })
    expect(meetupEditorErrors(past, { now: NOW, isNew: false })).toEqual({})
  })

  it('trims every text, so blanks count as empty', () => {
    expect(normalizeEditorInput({ title: { de: '  Café ' }, languages: [' de '], capacity: 5, free: true })).toEqual({
      title: { de: 'Café' },
      languages: ['de'],
      capacity: 5,
      free: true,
    })
  })
})

describe('editor fields ⇄ stored meetup', () => {
  it('drops empty translations, makes "free" a null cost and builds the rule', () => {
    const fields = editorInputToSeries(input({ free: false, cost: { de: '3 € für Getränke', en: '' }, accessibility: { de: 'Ebenerdig', ar: 'بلا درج' }, latitude: 52.6, longitude: 11.86 }))
    expect(fields).toMatchObject({
      title: { de: 'Sprachcafé', en: 'Language café' },
      cost: { de: '3 € für Getränke' },
      accessibility: { de: 'Ebenerdig', ar: 'بلا درج' },
      latitude: 52.6,
      longitude: 11.86,
      capacity: null,
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
    })
    expect(editorInputToSeries(input())).toMatchObject({ cost: null, accessibility: null, latitude: null, longitude: null })
  })

  it('gives a stored meetup back as the same editor fields', () => {
    const original = input({ title: { de: 'Sprachcafé', en: 'Language café' }, registrationRequired: true, capacity: 12, latitude: 52.6, longitude: 11.86 })
    const meetup: Meetup = { id: 'a6f1e7c0-0000-4000-8000-000000000001', exceptions: [], revision: 3, isSample: false, ...editorInputToSeries(original) }
    expect(meetupToEditorInput(meetup)).toEqual({ input: original, ruleEditable: true })
  })

  it('says when the builder cannot show the stored rule', () => {
    const meetup: Meetup = {
      id: 'a6f1e7c0-0000-4000-8000-000000000002',
      exceptions: [],
      revision: 0,
      isSample: true,
      ...editorInputToSeries(input()),
      rrule: 'FREQ=MONTHLY;BYDAY=1TH,3TH',
    }
    const { input: shown, ruleEditable } = meetupToEditorInput(meetup)
    expect(ruleEditable).toBe(false)
    expect(shown.recurrence).toEqual({ type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'none' } })
  })

  it('keeps only exceptions of dates the new rule still has', () => {
    const exceptions = [
      { original: '20261203T1700', cancelled: true },
      { original: '20261210T1700', movedTo: '2026-12-11T17:00' },
      { original: '20261217T1700', cancelled: true },
    ]
    const horizon = new Date('2027-12-31T00:00:00Z')
    expect(exceptionsInRule({ startsLocal: '2026-12-03T17:00', rrule: 'FREQ=WEEKLY;BYDAY=TH' }, exceptions, horizon)).toEqual(exceptions)
    expect(exceptionsInRule({ startsLocal: '2026-12-03T17:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH' }, exceptions, horizon)).toEqual([exceptions[0], exceptions[2]])
    expect(exceptionsInRule({ startsLocal: '2026-12-03T18:00', rrule: 'FREQ=WEEKLY;BYDAY=TH' }, exceptions, horizon)).toEqual([])
  })
})
