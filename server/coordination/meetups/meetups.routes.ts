import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../../db/schema.ts'
import { ApiErrorSchema } from '../../../src/shared/api-error.schema.ts'
import {
  DateCapacitySchema,
  DateParamsSchema,
  EditorDetailSchema,
  EditorListItemSchema,
  EditorListQuerySchema,
  MeetupEditorInputSchema,
  MeetupEditorUpdateSchema,
  MeetupIdParamsSchema,
  MoveDateSchema,
  type MeetupEditorInput,
} from '../../../src/shared/coordination/meetup-editor.schema.ts'
import { meetupEditorErrors, normalizeEditorInput } from '../../../src/shared/coordination/meetup-editor.ts'
import { Problem } from '../../errors/problem.ts'
import { assertDistrict, coordinatorOf, districtScope } from '../auth/coordinator-auth.ts'
import {
  cancelMeetup,
  changeDate,
  createMeetup,
  districtOfMeetup,
  listEditableMeetups,
  readEditorDetail,
  restoreMeetup,
  setDateCapacity,
  updateMeetup,
} from './meetup-editor.service.ts'

const tags = ['coordination']
const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema }
const changeErrors = { ...errors, 409: ApiErrorSchema, 415: ApiErrorSchema }

/** Trims the texts before the schema sees them, as the form does. */
async function normalizeBody(request: FastifyRequest): Promise<void> {
  request.body = normalizeEditorInput(request.body)
}

/** The rules between fields (capacity with registration, start on a day of the rule, …), after the schema. */
function checkRules(input: MeetupEditorInput, isNew: boolean, now: Date): void {
  const fields = meetupEditorErrors(input, { now, isNew })
  if (Object.keys(fields).length > 0) throw new Problem(400, 'validation', 'Some fields do not fit together.', fields)
}

/**
 * The event editor of the coordinator workspace: meetups and network events of the coordinator's
 * districts, their recurrence, and single dates cancelled, moved or restored. Changes reach phones by
 * the delta sync and calendar subscribers by the feed. Registered inside the authenticated scope.
 */
export const coordinationMeetupsRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  const detail = async (id: string) => {
    const found = await readEditorDetail(db, id, app.now())
    if (!found) throw new Problem(404, 'not_found', 'No such meetup.')
    return found
  }

  app.get(
    '/api/v1/coordination/meetups',
    {
      schema: {
        summary: 'Meetups and network events the coordinator may edit, each with its next dates',
        tags,
        querystring: EditorListQuerySchema,
        response: { 200: Type.Array(EditorListItemSchema), ...errors },
      },
    },
    async (request) => {
      const { district, kind, period } = request.query
      const scope = districtScope(coordinatorOf(request), district)
      return listEditableMeetups(db, scope, { kind, period }, app.now())
    },
  )

  app.post(
    '/api/v1/coordination/meetups',
    {
      schema: {
        summary: 'Create a meetup or network event (a single date or a series)',
        tags,
        body: MeetupEditorInputSchema,
        response: { 201: EditorDetailSchema, ...changeErrors },
      },
      preValidation: normalizeBody,
    },
    async (request, reply) => {
      const coordinator = coordinatorOf(request)
      assertDistrict(coordinator, request.body.district)
      checkRules(request.body, true, app.now())
      const id = await createMeetup(db, coordinator, request.body, app.now())
      return reply.status(201).send(await detail(id))
    },
  )

  app.get(
    '/api/v1/coordination/meetups/:id',
    {
      schema: {
        summary: 'One meetup as the editor shows it, with every date still to come',
        tags,
        params: MeetupIdParamsSchema,
        response: { 200: EditorDetailSchema, ...errors },
      },
    },
    async (request) => {
      const district = await districtOfMeetup(db, request.params.id)
      if (district === undefined) throw new Problem(404, 'not_found', 'No such meetup.')
      assertDistrict(coordinatorOf(request), district)
      return detail(request.params.id)
    },
  )

  app.put(
    '/api/v1/coordination/meetups/:id',
    {
      schema: {
        summary: 'Change a meetup; the coordinator must work for its district before and after',
        tags,
        params: MeetupIdParamsSchema,
        body: MeetupEditorUpdateSchema,
        response: { 200: EditorDetailSchema, ...changeErrors },
      },
      preValidation: normalizeBody,
    },
    async (request) => {
      const { revision, ...input } = request.body
      checkRules(input, false, app.now())
      await updateMeetup(db, coordinatorOf(request), request.params.id, input, revision, app.now())
      return detail(request.params.id)
    },
  )

  app.post(
    '/api/v1/coordination/meetups/:id/cancel',
    {
      schema: {
        summary: 'Cancel the whole meetup: every date still to come is cancelled',
        tags,
        params: MeetupIdParamsSchema,
        response: { 200: EditorDetailSchema, ...changeErrors },
      },
    },
    async (request) => {
      await cancelMeetup(db, coordinatorOf(request), request.params.id, app.now())
      return detail(request.params.id)
    },
  )

  app.post(
    '/api/v1/coordination/meetups/:id/restore',
    {
      schema: {
        summary: 'Undo the cancellation of a whole meetup',
        tags,
        params: MeetupIdParamsSchema,
        response: { 200: EditorDetailSchema, ...changeErrors },
      },
    },
    async (request) => {
      await restoreMeetup(db, coordinatorOf(request), request.params.id, app.now())
      return detail(request.params.id)
    },
  )

  app.post(
    '/api/v1/coordination/meetups/:id/dates/:original/cancel',
    {
      schema: {
        summary: 'Cancel one date of a meetup',
        tags,
        params: DateParamsSchema,
        response: { 200: EditorDetailSchema, ...changeErrors },
      },
    },
    async (request) => {
      const { id, original } = request.params
      await changeDate(db, coordinatorOf(request), id, original, { kind: 'cancel' }, app.now())
      return detail(id)
    },
  )

  app.post(
    '/api/v1/coordination/meetups/:id/dates/:original/restore',
    {
      schema: {
        summary: 'Let a cancelled date take place again',
        tags,
        params: DateParamsSchema,
        response: { 200: EditorDetailSchema, ...changeErrors },
      },
    },
    async (request) => {
      const { id, original } = request.params
      await changeDate(db, coordinatorOf(request), id, original, { kind: 'restore' }, app.now())
      return detail(id)
    },
  )

  app.post(
    '/api/v1/coordination/meetups/:id/dates/:original/move',
    {
      schema: {
        summary: 'Move one date to a new local start (Berlin time); the date keeps its id',
        tags,
        params: DateParamsSchema,
        body: MoveDateSchema,
        response: { 200: EditorDetailSchema, ...changeErrors },
      },
    },
    async (request) => {
      const { id, original } = request.params
      await changeDate(db, coordinatorOf(request), id, original, { kind: 'move', startsLocal: request.body.startsLocal }, app.now())
      return detail(id)
    },
  )

  app.put(
    '/api/v1/coordination/meetups/:id/dates/:original/capacity',
    {
      schema: {
        summary: 'Give one date its own number of places; freed places go to the waiting list at once',
        tags,
        params: DateParamsSchema,
        body: DateCapacitySchema,
        response: { 200: EditorDetailSchema, ...changeErrors },
      },
    },
    async (request) => {
      const { id, original } = request.params
      await setDateCapacity(db, coordinatorOf(request), id, original, request.body.capacity, app.now())
      return detail(id)
    },
  )

  app.delete(
    '/api/v1/coordination/meetups/:id/dates/:original/capacity',
    {
      schema: {
        summary: 'Give one date the event\'s number of places again',
        tags,
        params: DateParamsSchema,
        response: { 200: EditorDetailSchema, ...changeErrors },
      },
    },
    async (request) => {
      const { id, original } = request.params
      await setDateCapacity(db, coordinatorOf(request), id, original, null, app.now())
      return detail(id)
    },
  )
}
