import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../db/schema.ts'
import { ApiErrorSchema, type ApiError } from '../../src/shared/api-error.schema.ts'
import { DISTRICT_SLUGS, districtBySlug } from '../../src/shared/districts.ts'
import { LANG_TAG_PATTERN } from '../../src/shared/locale-codes.ts'
import { MEETUP_KINDS } from '../../src/shared/meetups/meetup.schema.ts'
import { buildCalendar } from '../../src/shared/meetups/ics.ts'
import { icsFileName, occurrenceCalendar, occurrenceEvent, seriesCalendar } from '../../src/shared/meetups/meetup-ics.ts'
import { findMeetup, findOccurrence, occurrencesForFeed } from './calendar.repository.ts'
import { scopeHead } from '../sync/sync-scope.ts'
import { AnswerCache, sendCached } from '../sync/answer-cache.ts'

const LangSchema = Type.Optional(
  Type.String({ pattern: LANG_TAG_PATTERN, default: 'de', description: 'Language of titles and texts; German where missing.' }),
)
const CalendarText = Type.String({ description: 'RFC 5545 iCalendar (text/calendar)' })
const CALENDAR_TYPE = 'text/calendar; charset=utf-8'
const FEED_MAX_AGE_MS = 5 * 60_000

const FeedQuerySchema = Type.Object(
  {
    district: Type.Optional(Type.Union(DISTRICT_SLUGS.map((s) => Type.Literal(s)), { description: 'District slug' })),
    type: Type.Optional(Type.Union(MEETUP_KINDS.map((k) => Type.Literal(k)), { description: 'Kind of meetup' })),
    lang: LangSchema,
  },
  { additionalProperties: false },
)
const LangQuerySchema = Type.Object({ lang: LangSchema }, { additionalProperties: false })

/** Links in calendar files point at the configured public address; request headers (X-Forwarded-Host) never decide them. */
function eventUrl(publicUrl: string, occurrenceId?: string): string {
  return `${publicUrl}/meetups${occurrenceId ? `/${occurrenceId.split(':').map(encodeURIComponent).join(':')}` : ''}`
}

function sendCalendar(reply: FastifyReply, body: string, fileName?: string) {
  reply.header('content-type', CALENDAR_TYPE).header('cache-control', 'public, max-age=300')
  if (fileName) reply.header('content-disposition', `attachment; filename="${fileName}"`)
  return reply.send(body)
}

function notFound(what: string): ApiError {
  return { error: 'not_found', message: `No such ${what}`, fields: {} }
}

/** Calendar files: a subscribable feed, and one series or one date for "add to my calendar". */
export const calendarRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database>; publicUrl: string }> = async (app, { db, publicUrl }) => {
  const feeds = new AnswerCache(200, FEED_MAX_AGE_MS)
  app.get(
    '/api/v1/calendar.ics',
    {
      schema: {
        summary: 'Subscribable calendar of upcoming meetups, optionally for one district and kind',
        querystring: FeedQuerySchema,
        response: { 200: CalendarText, 400: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const { district, type, lang = 'de' } = request.query
      // Built once per change of the district's meetups (and at least every few minutes, as "upcoming" moves on).
      const head = await scopeHead(db, { districts: district ? [district] : 'all', langs: 'all' })
      const key = `feed ${district ?? ''} ${type ?? ''} ${lang}`
      const now = app.now()
      const build = async () => {
        const rows = await occurrencesForFeed(db, { district, kind: type }, now)
        const name = ['Willkommen', district ? districtBySlug(district)?.name : undefined].filter(Boolean).join(' – ')
        const events = rows.map((r) => occurrenceEvent(r.meetup, r.occurrence, lang, eventUrl(publicUrl, r.occurrence.id)))
        return { version: String(head), tag: `${head}-${now.getTime()}`, body: buildCalendar({ name, events, now }), contentType: CALENDAR_TYPE }
      }
      const answer = await feeds.get(key, String(head), build, now.getTime())
      reply.header('cache-control', 'public, max-age=300')
      return sendCached(request, reply, answer)
    },
  )

  app.get(
    '/api/v1/meetups/:meetupId/calendar.ics',
    {
      schema: {
        summary: 'One meetup as a whole series (RRULE, EXDATE, moved dates)',
        params: Type.Object({ meetupId: Type.String({ format: 'uuid' }) }),
        querystring: LangQuerySchema,
        response: { 200: CalendarText, 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const meetup = await findMeetup(db, request.params.meetupId)
      if (!meetup) return reply.status(404).send(notFound('meetup'))
      const lang = request.query.lang ?? 'de'
      const titles = [meetup.title[lang] ?? '', meetup.title.de ?? '']
      return sendCalendar(reply, seriesCalendar(meetup, lang, app.now(), eventUrl(publicUrl)), icsFileName(titles))
    },
  )

  app.get(
    '/api/v1/meetup-occurrences/:occurrenceId/calendar.ics',
    {
      schema: {
        summary: 'One date of a meetup',
        params: Type.Object({ occurrenceId: Type.String({ pattern: '^[0-9a-f-]{36}:\\d{8}T\\d{4}$' }) }),
        querystring: LangQuerySchema,
        response: { 200: CalendarText, 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const found = await findOccurrence(db, request.params.occurrenceId)
      if (!found) return reply.status(404).send(notFound('date'))
      const lang = request.query.lang ?? 'de'
      const titles = [found.meetup.title[lang] ?? '', found.meetup.title.de ?? '']
      const body = occurrenceCalendar(found.meetup, found.occurrence, lang, app.now(), eventUrl(publicUrl, found.occurrence.id))
      return sendCalendar(reply, body, icsFileName(titles, found.occurrence.originalStart.slice(0, 8)))
    },
  )
}
