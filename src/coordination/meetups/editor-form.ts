import type { EditorTexts, MeetupEditorInput, RecurrenceInput } from '../../shared/coordination/meetup-editor.schema.ts'
import { MeetupEditorInputSchema } from '../../shared/coordination/meetup-editor.schema.ts'
import { meetupEditorErrors, monthWeekOf, normalizeEditorInput, WEEK_ORDER, weekdayOf } from '../../shared/coordination/meetup-editor.ts'
import { parseLocalDateTime } from '../../shared/meetups/recurrence.ts'
import { validate, type FieldErrors } from '../../shared/validate.ts'

/**
 * The editor form's own state: what the inputs hold (text for numbers, date and time apart), and its
 * conversion to and from the API's input. Checked with the same schema and rules as on the server.
 */
export interface EditorForm {
  kind: string
  title: EditorTexts
  description: EditorTexts
  district: string
  placeName: string
  address: string
  latitude: string
  longitude: string
  accessibility: EditorTexts
  organiser: string
  languages: string[]
  audience: string[]
  free: boolean
  cost: EditorTexts
  registrationRequired: boolean
  /** Text, or a number once a number input has been typed in (v-model casts). */
  capacity: string | number
  /** Berlin date and time of the first start, as the date and time inputs give them. */
  date: string
  time: string
  durationMinutes: string | number
  recurrence: RecurrenceInput
}

/** Languages offered as tick boxes (the ones newcomers in Saxony-Anhalt speak most, domain.md); others an event has are kept. */
export const COMMON_LANGUAGES = ['de', 'en', 'uk', 'ru', 'ar', 'fa', 'ps', 'pl', 'ro', 'bg', 'vi', 'tr', 'ku', 'ti', 'so', 'hu', 'zh', 'fr', 'es']

export function emptyForm(district: string): EditorForm {
  return {
    kind: 'language-cafe',
    title: { de: '' },
    description: { de: '' },
    district,
    placeName: '',
    address: '',
    latitude: '',
    longitude: '',
    accessibility: { de: '' },
    organiser: '',
    languages: ['de'],
    audience: ['newcomers'],
    free: true,
    cost: { de: '' },
    registrationRequired: false,
    capacity: '',
    date: '',
    time: '17:00',
    durationMinutes: '90',
    recurrence: { type: 'weekly', interval: 1, weekdays: [], end: { type: 'none' } },
  }
}

export function formFromInput(input: MeetupEditorInput): EditorForm {
  return {
    ...input,
    latitude: input.latitude === undefined ? '' : String(input.latitude),
    longitude: input.longitude === undefined ? '' : String(input.longitude),
    capacity: input.capacity === undefined ? '' : String(input.capacity),
    date: input.startsLocal.slice(0, 10),
    time: input.startsLocal.slice(11, 16),
    durationMinutes: String(input.durationMinutes),
    languages: [...input.languages],
    audience: [...input.audience],
  }
}

function number(value: string | number): number | undefined {
  const t = String(value).trim().replace(',', '.')
  return t === '' ? undefined : Number(t)
}

/** The API input of the form (not yet checked). */
export function inputFromForm(form: EditorForm): MeetupEditorInput {
  const latitude = number(form.latitude)
  const longitude = number(form.longitude)
  const capacity = form.registrationRequired ? number(form.capacity) : undefined
  const input = {
    kind: form.kind,
    title: form.title,
    description: form.description,
    district: form.district,
    placeName: form.placeName,
    address: form.address,
    ...(latitude !== undefined ? { latitude } : {}),
    ...(longitude !== undefined ? { longitude } : {}),
    accessibility: form.accessibility,
    organiser: form.organiser,
    languages: form.languages,
    audience: form.audience,
    free: form.free,
    cost: form.free ? { de: '' } : form.cost,
    registrationRequired: form.registrationRequired,
    ...(capacity !== undefined ? { capacity } : {}),
    startsLocal: `${form.date}T${form.time}`,
    durationMinutes: number(form.durationMinutes) ?? 0,
    recurrence: form.recurrence,
  }
  return normalizeEditorInput(input) as MeetupEditorInput
}

/** Every problem of the form, as the server would name it: the schema first, then the rules between fields. */
export function formErrors(form: EditorForm, { isNew, now = new Date() }: { isNew: boolean; now?: Date }): FieldErrors {
  const input = inputFromForm(form)
  const errors = validate(MeetupEditorInputSchema, input)
  if (!form.date || !form.time) errors.startsLocal = 'errors.required'
  if (!form.district) errors.district = 'errors.required'
  if (Object.keys(errors).length > 0) return errors
  return meetupEditorErrors(input, { isNew, now })
}

/**
 * Keeps the rule on the first date: when the date changes, a weekly rule swaps the old weekday for
 * the new one, a monthly rule takes the new date's weekday and week.
 */
export function followStart(recurrence: RecurrenceInput, newDate: string, oldDate?: string): RecurrenceInput {
  const wall = parseLocalDateTime(`${newDate}T12:00`)
  if (!wall) return recurrence
  const day = weekdayOf(wall)
  const old = oldDate ? parseLocalDateTime(`${oldDate}T12:00`) : undefined
  if (recurrence.type === 'weekly') {
    const days = new Set(recurrence.weekdays ?? [])
    if (old) days.delete(weekdayOf(old))
    days.add(day)
    return { ...recurrence, weekdays: WEEK_ORDER.filter((d) => days.has(d)) }
  }
  if (recurrence.type === 'monthly') {
    const week = recurrence.week === -1 && isLastOfMonth(newDate) ? -1 : monthWeekOf(wall)
    return { ...recurrence, weekday: day, week }
  }
  return recurrence
}

function isLastOfMonth(date: string): boolean {
  const d = new Date(`${date}T12:00:00Z`)
  return new Date(d.getTime() + 7 * 86400000).getUTCMonth() !== d.getUTCMonth()
}
