import { fromBerlinWallTime, toBerlinWallTime, type WallTime } from '../berlin-time.ts'
import type { LocalizedText } from '../localized-text.ts'
import type { Meetup } from '../meetups/meetup.schema.ts'
import { expandStarts, formatRRule, parseLocalDateTime, parseRRule, WEEKDAYS, type RecurrenceRule, type Weekday } from '../meetups/recurrence.ts'
import type { FieldErrors } from '../validate.ts'
import {
  EDITOR_LANGUAGES,
  EDITOR_LIMITS,
  MONTH_WEEKS,
  type EditorTexts,
  type MeetupEditorInput,
  type MonthWeek,
  type RecurrenceInput,
} from './meetup-editor.schema.ts'

/**
 * Pure logic of the event editor, shared by the form (preview, checks) and the server (checks,
 * conversion to a stored series): the recurrence builder ⇄ RFC 5545 rule, the rules between
 * fields, and the conversion between the form's fields and a meetup.
 */

/** Weekdays in the order a week is shown (Monday first). */
export const WEEK_ORDER: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']

/** Message keys of the editor's own rules (locales/coordination/meetups.*.json). */
export const EDITOR_ERRORS = {
  startNotInRule: 'coordinationMeetups.errors.startNotInRule',
  untilBeforeStart: 'coordinationMeetups.errors.untilBeforeStart',
  inPast: 'coordinationMeetups.errors.inPast',
  noWeekday: 'coordinationMeetups.errors.noWeekday',
  coordinatesPair: 'coordinationMeetups.errors.coordinatesPair',
} as const

function civilDay(w: Pick<WallTime, 'year' | 'month' | 'day'>): Date {
  return new Date(Date.UTC(w.year, w.month - 1, w.day))
}

export function weekdayOf(w: Pick<WallTime, 'year' | 'month' | 'day'>): Weekday {
  return WEEKDAYS[civilDay(w).getUTCDay()]!
}

/** Which week of its month a day is in (1…5), and whether it is the last such weekday. */
export function weekOfMonth(w: Pick<WallTime, 'year' | 'month' | 'day'>): { n: number; last: boolean } {
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate()
  return { n: Math.ceil(w.day / 7), last: w.day + 7 > daysInMonth }
}

/** The week of the month the builder offers for a start day: its own week, or "last" for a fifth one. */
export function monthWeekOf(w: Pick<WallTime, 'year' | 'month' | 'day'>): MonthWeek {
  const { n } = weekOfMonth(w)
  return n <= 4 ? (n as MonthWeek) : -1
}

function sortWeekdays(days: readonly Weekday[]): Weekday[] {
  return [...new Set(days)].sort((a, b) => WEEK_ORDER.indexOf(a) - WEEK_ORDER.indexOf(b))
}

/** The RFC 5545 rule of a builder value (assumed valid), or null for a single date. */
export function recurrenceToRRule(r: RecurrenceInput): string | null {
  if (r.type === 'none') return null
  const rule: RecurrenceRule =
    r.type === 'weekly'
      ? { freq: 'WEEKLY', interval: r.interval ?? 1, byDay: sortWeekdays(r.weekdays ?? []).map((weekday) => ({ weekday })) }
      : { freq: 'MONTHLY', interval: r.interval ?? 1, byDay: r.weekday ? [{ weekday: r.weekday, n: r.week ?? 1 }] : [] }
  const end = r.end ?? { type: 'none' }
  if (end.type === 'until' && end.date) rule.until = { date: end.date }
  if (end.type === 'count' && end.count) rule.count = end.count
  return formatRRule(rule)
}

/**
 * The builder value of a stored rule, for editing; undefined when the rule is more than the builder
 * can express (several numbered weekdays, a fifth weekday, …). `start` names the weekday a rule
 * without BYDAY repeats on.
 */
export function rruleToRecurrence(rrule: string | null, start: WallTime): RecurrenceInput | undefined {
  if (!rrule) return { type: 'none' }
  let rule: RecurrenceRule
  try {
    rule = parseRRule(rrule)
  } catch {
    return undefined
  }
  let end: NonNullable<RecurrenceInput['end']> = { type: 'none' }
  if (rule.count !== undefined) end = { type: 'count', count: rule.count }
  else if (rule.until) {
    const day = 'date' in rule.until ? rule.until.date : dayKey(toBerlinWallTime(rule.until.instant))
    end = { type: 'until', date: day }
  }
  if (rule.freq === 'WEEKLY') {
    if (rule.interval > EDITOR_LIMITS.weeks) return undefined
    const weekdays = rule.byDay.length ? rule.byDay.map((d) => d.weekday) : [weekdayOf(start)]
    return { type: 'weekly', interval: rule.interval, weekdays: sortWeekdays(weekdays), end }
  }
  if (rule.interval > EDITOR_LIMITS.months) return undefined
  if (rule.byDay.length === 0) {
    const { n } = weekOfMonth(start)
    if (n > 4) return undefined
    return { type: 'monthly', interval: rule.interval, week: n as MonthWeek, weekday: weekdayOf(start), end }
  }
  const [only] = rule.byDay
  if (rule.byDay.length !== 1 || only === undefined || !(MONTH_WEEKS as readonly number[]).includes(only.n ?? 0)) return undefined
  return { type: 'monthly', interval: rule.interval, week: only.n as MonthWeek, weekday: only.weekday, end }
}

function dayKey(w: Pick<WallTime, 'year' | 'month' | 'day'>): string {
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`
}

/** Trims every text, so "  " counts as empty on the phone and on the server alike. */
export function normalizeEditorInput<T>(value: T): T {
  if (typeof value === 'string') return value.trim() as T
  if (Array.isArray(value)) return value.map((v: unknown) => normalizeEditorInput(v)) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeEditorInput(v)])) as T
  }
  return value
}

function otherLanguageWithoutGerman(t: EditorTexts): boolean {
  return !t.de && EDITOR_LANGUAGES.some((l) => l !== 'de' && (t[l] ?? '') !== '')
}

/**
 * The rules between fields that a JSON Schema cannot say; field path → message key. Run after the
 * schema check (by the server) or next to it (by the form). `isNew` also refuses a first date in the past.
 */
export function meetupEditorErrors(input: MeetupEditorInput, { now = new Date(), isNew = false } = {}): FieldErrors {
  const errors: FieldErrors = {}
  if (input.languages.length === 0) errors.languages = 'errors.required'
  if (input.audience.length === 0) errors.audience = 'errors.required'
  if (input.registrationRequired && input.capacity === undefined) errors.capacity = 'errors.required'
  if (!input.free && !input.cost.de) errors['cost.de'] = 'errors.required'
  if (otherLanguageWithoutGerman(input.accessibility)) errors['accessibility.de'] = 'errors.required'
  if ((input.latitude === undefined) !== (input.longitude === undefined)) {
    errors[input.latitude === undefined ? 'latitude' : 'longitude'] = EDITOR_ERRORS.coordinatesPair
  }

  const start = parseLocalDateTime(input.startsLocal)
  if (!start) errors.startsLocal = 'errors.invalid'
  else if (isNew && fromBerlinWallTime(start) < now) errors.startsLocal = EDITOR_ERRORS.inPast

  const r = input.recurrence
  if (r.type === 'weekly') {
    if (!r.weekdays?.length) errors['recurrence.weekdays'] = EDITOR_ERRORS.noWeekday
    else if (start && !r.weekdays.includes(weekdayOf(start))) errors.startsLocal ??= EDITOR_ERRORS.startNotInRule
  }
  if (r.type === 'monthly') {
    if ((r.interval ?? 1) > EDITOR_LIMITS.months) errors['recurrence.interval'] = 'errors.invalid'
    if (r.week === undefined) errors['recurrence.week'] = 'errors.required'
    if (r.weekday === undefined) errors['recurrence.weekday'] = 'errors.required'
    if (start && r.week !== undefined && r.weekday !== undefined) {
      const { n, last } = weekOfMonth(start)
      const onRule = weekdayOf(start) === r.weekday && (r.week === -1 ? last : n === r.week)
      if (!onRule) errors.startsLocal ??= EDITOR_ERRORS.startNotInRule
    }
  }
  if (r.type !== 'none' && r.end) {
    if (r.end.type === 'until') {
      if (!r.end.date || !parseLocalDateTime(`${r.end.date}T00:00`)) errors['recurrence.end.date'] = r.end.date ? 'errors.invalid' : 'errors.required'
      else if (start && r.end.date < dayKey(start)) errors['recurrence.end.date'] = EDITOR_ERRORS.untilBeforeStart
    }
    if (r.end.type === 'count' && r.end.count === undefined) errors['recurrence.end.count'] = 'errors.required'
  }
  return errors
}

/** Only the languages that have a text; German always. */
function localized(t: EditorTexts): LocalizedText {
  const out: LocalizedText = { de: t.de }
  for (const l of EDITOR_LANGUAGES) if (l !== 'de' && t[l]) out[l] = t[l]
  return out
}

function editorTexts(t: LocalizedText | null): EditorTexts {
  const out: EditorTexts = { de: t?.de ?? '' }
  for (const l of EDITOR_LANGUAGES) if (l !== 'de' && t?.[l]) out[l] = t[l]
  return out
}

/** The fields of a stored meetup that the editor sets (everything but id, exceptions and flags). */
export type EditorSeriesFields = Pick<
  Meetup,
  | 'kind'
  | 'title'
  | 'description'
  | 'district'
  | 'placeName'
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'accessibility'
  | 'organiser'
  | 'languages'
  | 'audience'
  | 'cost'
  | 'registrationRequired'
  | 'capacity'
  | 'startsLocal'
  | 'durationMinutes'
  | 'rrule'
>

/** A valid (checked) editor input as the fields of a meetup. */
export function editorInputToSeries(input: MeetupEditorInput): EditorSeriesFields {
  const accessibility = localized(input.accessibility)
  return {
    kind: input.kind,
    title: localized(input.title),
    description: localized(input.description),
    district: input.district,
    placeName: input.placeName,
    address: input.address,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    accessibility: accessibility.de ? accessibility : null,
    organiser: input.organiser,
    languages: input.languages,
    audience: input.audience,
    cost: input.free ? null : localized(input.cost),
    registrationRequired: input.registrationRequired,
    capacity: input.capacity ?? null,
    startsLocal: input.startsLocal,
    durationMinutes: input.durationMinutes,
    rrule: recurrenceToRRule(input.recurrence),
  }
}

/** A stored meetup as the editor's fields; `ruleEditable` is false when the builder cannot show its rule. */
export function meetupToEditorInput(m: Meetup): { input: MeetupEditorInput; ruleEditable: boolean } {
  const start = parseLocalDateTime(m.startsLocal) ?? toBerlinWallTime(new Date())
  const parsed = rruleToRecurrence(m.rrule, start)
  const input: MeetupEditorInput = {
    kind: m.kind as MeetupEditorInput['kind'],
    title: editorTexts(m.title),
    description: editorTexts(m.description),
    district: m.district,
    placeName: m.placeName,
    address: m.address,
    ...(m.latitude !== null && m.longitude !== null ? { latitude: m.latitude, longitude: m.longitude } : {}),
    accessibility: editorTexts(m.accessibility),
    organiser: m.organiser,
    languages: m.languages,
    audience: m.audience as MeetupEditorInput['audience'],
    free: m.cost === null,
    cost: editorTexts(m.cost),
    registrationRequired: m.registrationRequired,
    ...(m.capacity !== null ? { capacity: m.capacity } : {}),
    startsLocal: m.startsLocal,
    durationMinutes: m.durationMinutes,
    // A rule the builder cannot show: offered as "weekly on the first day", and the form says so.
    recurrence: parsed ?? { type: 'weekly', interval: 1, weekdays: [weekdayOf(start)], end: { type: 'none' } },
  }
  return { input, ruleEditable: parsed !== undefined }
}

/**
 * Exceptions that still name a date of the (new) rule. Others are dropped, so a calendar never gets
 * an EXDATE or a moved copy of a date the rule does not have.
 */
export function exceptionsInRule<E extends { original: string }>(
  series: { startsLocal: string; rrule: string | null },
  exceptions: readonly E[],
  horizon: Date,
): E[] {
  const start = parseLocalDateTime(series.startsLocal)
  if (!start || exceptions.length === 0) return []
  const keys = new Set(expandStarts({ start, rrule: series.rrule, horizon }).map((s) => s.key))
  return exceptions.filter((e) => keys.has(e.original))
}
