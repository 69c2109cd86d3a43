import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, MeetupOccurrencesTable, MeetupsTable } from '../../db/schema.ts'
import type { Meetup, MeetupException } from '../../../src/shared/meetups/meetup.schema.ts'
import {
  EDITOR_LANGUAGES,
  type EditorDate,
  type EditorDetail,
  type EditorListItem,
  type EditorListQuery,
  type MeetupEditorInput,
} from '../../../src/shared/coordination/meetup-editor.schema.ts'
import type { LocalizedText } from '../../../src/shared/localized-text.ts'
import {
  EDITOR_ERRORS,
  editorInputToSeries,
  exceptionsInRule,
  meetupToEditorInput,
  rruleToRecurrence,
  type EditorSeriesFields,
} from '../../../src/shared/coordination/meetup-editor.ts'
import { expandStarts, formatLocalDateTime, parseLocalDateTime, parseWallKey } from '../../../src/shared/meetups/recurrence.ts'
import { originalStartInstant } from '../../../src/shared/meetups/occurrences.ts'
import { fromBerlinWallTime } from '../../../src/shared/berlin-time.ts'
import { HORIZON_DAYS, saveSeries, toSeriesDto, type SeriesInput } from '../../meetups/series.repository.ts'
import { nextChangeSeq } from '../../sync/change-seq.ts'
import { registrationsFollowDates } from '../../volunteering/registrations-follow-dates.ts'
import { Problem } from '../../errors/problem.ts'
import { writeAudit } from '../audit/audit.ts'
import { canonicalJson } from '../../sync/canonical-json.ts'
import { assertDistrict } from '../auth/coordinator-auth.ts'
import type { Coordinator } from '../auth/sessions.ts'

/**
 * The coordinator's event editor on top of the series machinery (server/meetups/series.repository.ts):
 * every change goes through saveSeries, which regenerates the dates with stable ids, raises the
 * revision (calendar SEQUENCE) and the change numbers of the delta sync. Each change is audited in
 * the same transaction, under a row lock on the meetup so two coordinators never lose each other's change.
 */

const DAY = 86400000
/** How many dates a list entry shows. */
const LIST_DATES = 5

const notFound = () => new Problem(404, 'not_found', 'No such meetup.')
const dateNotFound = () => new Problem(404, 'not_found', 'No such date of this meetup.')

/** Far enough to cover every stored date: exceptions only ever name stored dates. */
function ruleHorizon(now: Date): Date {
  return new Date(now.getTime() + (HORIZON_DAYS + 31) * DAY)
}

type StoredDate = Selectable<MeetupOccurrencesTable> & { registered: number | string | null }

function editorDate(o: StoredDate, meetup: Meetup): EditorDate {
  const exception = meetup.exceptions.find((e) => e.original === o.original_start)
  return {
    id: o.id,
    original: o.original_start,
    startsAt: o.starts_at.toISOString(),
    endsAt: o.ends_at.toISOString(),
    status: o.status,
    movedFrom: exception?.movedTo ? originalStartInstant(o.original_start).toISOString() : null,
    cancelledAlone: exception?.cancelled === true,
    capacity: o.capacity,
    registered: Number(o.registered ?? 0),
  }
}

/** Dates still to come, each with how many people hold or wait for a place (told before cancelling it). */
async function upcomingDates(db: Kysely<Database>, meetupIds: string[], now: Date): Promise<StoredDate[]> {
  if (meetupIds.length === 0) return []
  return db
    .selectFrom('meetup_occurrences as o')
    .selectAll('o')
    .select((eb) =>
      eb
        .selectFrom('registrations as r')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('r.occurrence_id', '=', 'o.id')
        .where('r.status', 'in', ['confirmed', 'waitlisted'])
        .as('registered'),
    )
    .where('meetup_id', 'in', meetupIds)
    .where('ends_at', '>=', now)
    .orderBy('starts_at')
    .orderBy('id')
    .execute()
}

/** The events of the districts in scope, each with its next dates; newest dates first for past events. */
export async function listEditableMeetups(
  db: Kysely<Database>,
  scope: string[] | 'all',
  { kind, period = 'upcoming' }: Pick<EditorListQuery, 'kind' | 'period'>,
  now: Date,
): Promise<EditorListItem[]> {
  let query = db.selectFrom('meetups').selectAll()
  if (scope !== 'all') query = query.where('district', 'in', scope.length ? scope : [''])
  if (kind) query = query.where('kind', '=', kind)
  const rows = await query.execute()
  const dates = await upcomingDates(db, rows.map((r) => r.id), now)
  const byMeetup = new Map<string, StoredDate[]>()
  for (const d of dates) byMeetup.set(d.meetup_id, [...(byMeetup.get(d.meetup_id) ?? []), d])
  const items = rows
    .map((row) => {
      const meetup = toSeriesDto(row)
      const upcoming = byMeetup.get(row.id) ?? []
      const start = parseLocalDateTime(meetup.startsLocal)
      return {
        item: {
          id: meetup.id,
          kind: meetup.kind,
          title: meetup.title,
          district: meetup.district,
          placeName: meetup.placeName,
          startsLocal: meetup.startsLocal,
          durationMinutes: meetup.durationMinutes,
          rrule: meetup.rrule,
          recurrence: (start && rruleToRecurrence(meetup.rrule, start)) ?? null,
          cancelledAt: meetup.cancelledAt ?? null,
          isSample: meetup.isSample,
          revision: meetup.revision,
          nextDates: upcoming.slice(0, LIST_DATES).map((o) => editorDate(o, meetup)),
          upcomingCount: upcoming.length,
        } satisfies EditorListItem,
        next: upcoming[0]?.starts_at.getTime(),
      }
    })
    .filter(({ next }) => (period === 'upcoming' ? next !== undefined : next === undefined))
  if (period === 'upcoming') items.sort((a, b) => a.next! - b.next! || a.item.id.localeCompare(b.item.id))
  else items.sort((a, b) => b.item.startsLocal.localeCompare(a.item.startsLocal) || a.item.id.localeCompare(b.item.id))
  return items.map(({ item }) => item)
}

/** One event as the editor opens it, with every date still to come; undefined when unknown. */
export async function readEditorDetail(db: Kysely<Database>, id: string, now: Date): Promise<EditorDetail | undefined> {
  const row = await db.selectFrom('meetups').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const meetup = toSeriesDto(row)
  const { input, ruleEditable } = meetupToEditorInput(meetup)
  const dates = await upcomingDates(db, [id], now)
  return {
    id,
    revision: meetup.revision,
    cancelledAt: meetup.cancelledAt ?? null,
    isSample: meetup.isSample,
    rrule: meetup.rrule,
    ruleEditable,
    input,
    dates: dates.map((o) => editorDate(o, meetup)),
  }
}

/** The district of an event, for the permission check of a read; undefined when unknown. */
export async function districtOfMeetup(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('meetups').select('district').where('id', '=', id).executeTakeFirst()
  return row?.district
}

/** Locks the meetup's row for this transaction, after checking it exists and is the coordinator's. */
async function lockMeetup(trx: Transaction<Database>, id: string, coordinator: Coordinator): Promise<Selectable<MeetupsTable>> {
  const row = await trx.selectFrom('meetups').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  if (!row) throw notFound()
  assertDistrict(coordinator, row.district)
  return row
}

/** Texts in languages the editor does not offer (imported data) stay as they were. */
function withOtherLanguages(fields: EditorSeriesFields, before: Meetup): EditorSeriesFields {
  const others = (t: LocalizedText | null) =>
    Object.fromEntries(Object.entries(t ?? {}).filter(([lang]) => !(EDITOR_LANGUAGES as readonly string[]).includes(lang)))
  const merge = (next: LocalizedText | null, old: LocalizedText | null): LocalizedText | null => (next ? { ...others(old), ...next } : null)
  return {
    ...fields,
    title: merge(fields.title, before.title)!,
    description: merge(fields.description, before.description)!,
    accessibility: merge(fields.accessibility, before.accessibility),
    cost: merge(fields.cost, before.cost),
  }
}

/** A stored meetup as saveSeries takes it (the revision is saveSeries' to raise). */
function seriesOf(meetup: Meetup): SeriesInput {
  const series: Partial<Meetup> = { ...meetup }
  delete series.revision
  return series as SeriesInput
}

export async function createMeetup(db: Kysely<Database>, coordinator: Coordinator, input: MeetupEditorInput, now: Date): Promise<string> {
  assertDistrict(coordinator, input.district)
  const id = randomUUID()
  const fields = editorInputToSeries(input)
  await db.transaction().execute(async (trx) => {
    await saveSeries(trx, { id, ...fields, exceptions: [], isSample: false }, now)
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'meetup.create',
      entity: 'meetup',
      entityId: id,
      district: fields.district,
      details: { title: fields.title.de, kind: fields.kind, startsLocal: fields.startsLocal, rrule: fields.rrule },
    })
  })
  return id
}

/**
 * Changes an event: the coordinator must work for its district before and after. Dates keep their
 * ids where the rule still has them; cancelled and moved dates stay as long as the rule has them.
 * A change that changes nothing is not saved (no new revision).
 */
export async function updateMeetup(
  db: Kysely<Database>,
  coordinator: Coordinator,
  id: string,
  input: MeetupEditorInput,
  revision: number | undefined,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockMeetup(trx, id, coordinator)
    assertDistrict(coordinator, input.district)
    if (revision !== undefined && revision !== row.revision) {
      throw new Problem(409, 'conflict', 'The meetup was changed in the meantime; reload it.')
    }
    const before = toSeriesDto(row)
    const fields = withOtherLanguages(editorInputToSeries(input), before)
    // Compared with sorted keys: jsonb gives texts back in its own key order ({ar, de, en} for {de, en, ar}).
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => canonicalJson(fields[k]) !== canonicalJson(before[k]))
    if (changed.length === 0) return
    const exceptions = exceptionsInRule(fields, before.exceptions, ruleHorizon(now))
    await saveSeries(trx, { ...seriesOf(before), ...fields, exceptions }, now)
    await registrationsFollowDates(trx, id, now)
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'meetup.update',
      entity: 'meetup',
      entityId: id,
      district: fields.district,
      details: {
        changed,
        ...(before.district !== fields.district ? { fromDistrict: before.district } : {}),
        ...(exceptions.length !== before.exceptions.length ? { droppedExceptions: before.exceptions.length - exceptions.length } : {}),
      },
    })
  })
}

/** Cancels the whole event: every date from now on is cancelled (and stays visible as cancelled). */
export async function cancelMeetup(db: Kysely<Database>, coordinator: Coordinator, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockMeetup(trx, id, coordinator)
    if (row.cancelled_at) return
    const scheduled = await trx
      .selectFrom('meetup_occurrences')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('meetup_id', '=', id)
      .where('status', '=', 'scheduled')
      .where('starts_at', '>=', now)
      .executeTakeFirstOrThrow()
    await saveSeries(trx, { ...seriesOf(toSeriesDto(row)), cancelledAt: now.toISOString() }, now)
    await registrationsFollowDates(trx, id, now)
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'meetup.cancel',
      entity: 'meetup',
      entityId: id,
      district: row.district,
      details: { cancelledDates: Number(scheduled.n) },
    })
  })
}

/** Undoes the cancellation of a whole event: its dates take place again (single cancelled dates stay cancelled). */
export async function restoreMeetup(db: Kysely<Database>, coordinator: Coordinator, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockMeetup(trx, id, coordinator)
    if (!row.cancelled_at) return
    await saveSeries(trx, { ...seriesOf(toSeriesDto(row)), cancelledAt: null }, now)
    await registrationsFollowDates(trx, id, now)
    await writeAudit(trx, { actor: coordinator.email, action: 'meetup.restore', entity: 'meetup', entityId: id, district: row.district })
  })
}

type DateChange =
  | { kind: 'cancel' }
  | { kind: 'restore' }
  | { kind: 'move'; startsLocal: string }

/**
 * Cancels, moves or restores one date (named by its original local start), as an exception of the
 * series. Only dates still to come, and only dates the rule has (a date the rule dropped stays cancelled).
 */
export async function changeDate(
  db: Kysely<Database>,
  coordinator: Coordinator,
  id: string,
  original: string,
  change: DateChange,
  now: Date,
): Promise<void> {
  let movedTo: Date | undefined
  if (change.kind === 'move') {
    const wall = parseLocalDateTime(change.startsLocal)
    if (!wall) throw new Problem(400, 'validation', 'Not a valid local date and time.', { startsLocal: 'errors.invalid' })
    movedTo = fromBerlinWallTime(wall)
    if (movedTo < now) throw new Problem(400, 'validation', 'A date cannot be moved into the past.', { startsLocal: EDITOR_ERRORS.inPast })
  }
  await db.transaction().execute(async (trx) => {
    const row = await lockMeetup(trx, id, coordinator)
    const date = await trx.selectFrom('meetup_occurrences').selectAll().where('id', '=', `${id}:${original}`).executeTakeFirst()
    if (!date) throw dateNotFound()
    if (date.ends_at < now) throw new Problem(409, 'date_past', 'This date is over already.')
    const meetup = toSeriesDto(row)
    if (change.kind !== 'cancel' && meetup.cancelledAt) {
      throw new Problem(409, 'event_cancelled', 'The whole meetup is cancelled; restore it first.')
    }
    const start = parseLocalDateTime(meetup.startsLocal)
    const inRule = start && expandStarts({ start, rrule: meetup.rrule, horizon: ruleHorizon(now) }).some((s) => s.key === original)
    if (!inRule) throw new Problem(409, 'not_in_rule', 'The rule of this meetup no longer has this date.')

    const old = meetup.exceptions.find((e) => e.original === original)
    const next: MeetupException = { ...(old ?? { original }) }
    let action: string
    let details: Record<string, unknown> = { original }
    if (change.kind === 'cancel') {
      if (old?.cancelled || meetup.cancelledAt) return
      next.cancelled = true
      action = 'date.cancel'
    } else if (change.kind === 'restore') {
      if (!old?.cancelled) return
      delete next.cancelled
      action = 'date.restore'
    } else {
      const originalLocal = formatLocalDateTime(parseWallKey(original))
      const target = change.startsLocal === originalLocal ? undefined : change.startsLocal
      if ((old?.movedTo ?? originalLocal) === change.startsLocal) return
      if (target) next.movedTo = target
      else delete next.movedTo
      action = 'date.move'
      details = { original, from: date.starts_at.toISOString(), to: movedTo!.toISOString() }
    }
    const keep = next.cancelled || next.movedTo
    const exceptions = [...meetup.exceptions.filter((e) => e.original !== original), ...(keep ? [next] : [])]
    exceptions.sort((a, b) => a.original.localeCompare(b.original))
    await saveSeries(trx, { ...seriesOf(meetup), exceptions }, now)
    await registrationsFollowDates(trx, id, now)
    await writeAudit(trx, {
      actor: coordinator.email,
      action,
      entity: 'date',
      entityId: date.id,
      district: row.district,
      details,
    })
  })
}

/**
 * Gives one date its own capacity (null: the meetup's again). Places freed by more capacity go to the
 * waiting list at once; fewer places take nobody's place away. Phones learn it by the delta sync.
 */
export async function setDateCapacity(
  db: Kysely<Database>,
  coordinator: Coordinator,
  id: string,
  original: string,
  capacity: number | null,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockMeetup(trx, id, coordinator)
    const date = await trx.selectFrom('meetup_occurrences').selectAll().where('id', '=', `${id}:${original}`).executeTakeFirst()
    if (!date) throw dateNotFound()
    if (date.ends_at < now) throw new Problem(409, 'date_past', 'This date is over already.')
    if (date.capacity === capacity) return
    await trx.updateTable('meetup_occurrences').set({ capacity, seq: await nextChangeSeq(trx, { district: row.district }) }).where('id', '=', date.id).execute()
    await registrationsFollowDates(trx, id, now)
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'date.capacity',
      entity: 'date',
      entityId: date.id,
      district: row.district,
      details: { original, capacity, previous: date.capacity },
    })
  })
}
