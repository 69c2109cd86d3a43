import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { Type, type Static } from 'typebox'
import type { Database } from '../../db/schema.ts'
import { ApiErrorSchema } from '../../../src/shared/api-error.schema.ts'
import {
  ApplyPartnerRequestSchema,
  AttendanceInputSchema,
  MeetingAttendanceSchema,
  MeetingListQuerySchema,
  MeetingParamsSchema,
  MeetingSchema,
  PartnerDetailSchema,
  PartnerIdParamsSchema,
  PartnerInputSchema,
  PartnerListQuerySchema,
  PartnerRequestAnswerSchema,
  PartnerRequestDecisionSchema,
  PartnerRequestItemSchema,
  PartnerRequestListQuerySchema,
  PartnerRequestOutcomeSchema,
  PartnerRequestSchema,
  PartnerRequestStatusParamsSchema,
  RejectPartnerRequestSchema,
  PartnerSchema,
  type PartnerInput,
  type PartnerRequestInput,
} from '../../../src/shared/coordination/partner.schema.ts'
import { memberSinceErrors, normalizePartnerRequest, partnerRequestRuleErrors } from '../../../src/shared/coordination/partner-rules.ts'
import { berlinDay } from '../../../src/shared/berlin-time.ts'
import { normalizeSubmission } from '../../../src/shared/volunteering/normalize.ts'
import { Problem } from '../../errors/problem.ts'
import { IdempotencyHeadersSchema, withIdempotency } from '../../idempotency/idempotency.ts'
import { addressHash } from '../../mail/mail-queue.repository.ts'
import { assertDistrict, coordinatorOf, districtScope } from '../auth/coordinator-auth.ts'
import { addPartner, changePartner, findPartner, listPartners, partnerDetail, partnerNotFound, removePartner, toPartnerDto } from './partners.service.ts'
import { applyPartnerRequest, findOutcome, listPartnerRequests, receivePartnerRequest, rejectPartnerRequest } from './partner-requests.service.ts'
import { listMeetings, meetingAttendance, setMeetingAttendance } from './partner-attendance.service.ts'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema }
const tags = ['coordination']

/** Same cleaning as the editor does (trim, e-mail lower case, phone in E.164) before the schema is checked. */
async function normalizeBody(request: FastifyRequest): Promise<void> {
  request.body = normalizeSubmission(request.body)
}

function checkMemberSince(input: PartnerInput, now: Date): void {
  const fields = memberSinceErrors(input.memberSince, berlinDay(now))
  if (Object.keys(fields).length > 0) throw new Problem(400, 'validation', 'Partner since must be a real day, not in the future.', fields)
}

/**
 * The partner directory in the coordinator workspace: partners per district (filters: working
 * group, flagged for removal), editing, the inbox of partners' declarations, and attendance per
 * network meeting. Every route checks the coordinator's districts; every change is in the audit log.
 */
export const coordinationPartnersRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/v1/coordination/partners',
    {
      schema: {
        summary: 'Partners of the network in my districts; flagged = twelve months without attendance',
        tags,
        querystring: PartnerListQuerySchema,
        response: { 200: Type.Array(PartnerSchema), ...errors },
      },
    },
    async (request) => {
      const { district, workingGroup, flagged } = request.query
      const scope = districtScope(coordinatorOf(request), district)
      return listPartners(db, { scope, ...(workingGroup ? { workingGroup } : {}), ...(flagged === undefined ? {} : { flagged }) }, app.now())
    },
  )

  app.post(
    '/api/v1/coordination/partners',
    {
      schema: { summary: 'Add a partner to the directory', tags, body: PartnerInputSchema, response: { 201: PartnerDetailSchema, ...errors } },
      preValidation: normalizeBody,
    },
    async (request, reply) => {
      const now = app.now()
      checkMemberSince(request.body, now)
      const row = await addPartner(db, coordinatorOf(request), request.body, now)
      return reply.status(201).send(await partnerDetail(db, { ...row, last_attended_on: null }, now))
    },
  )

  app.get(
    '/api/v1/coordination/partners/:id',
    {
      schema: { summary: 'One partner with the meetings it attended', tags, params: PartnerIdParamsSchema, response: { 200: PartnerDetailSchema, ...errors } },
    },
    async (request) => {
      const row = await findPartner(db, request.params.id)
      if (!row) throw partnerNotFound()
      assertDistrict(coordinatorOf(request), row.district)
      return partnerDetail(db, row, app.now())
    },
  )

  app.put(
    '/api/v1/coordination/partners/:id',
    {
      schema: { summary: 'Change a partner', tags, params: PartnerIdParamsSchema, body: PartnerInputSchema, response: { 200: PartnerDetailSchema, ...errors } },
      preValidation: normalizeBody,
    },
    async (request) => {
      const now = app.now()
      checkMemberSince(request.body, now)
      await changePartner(db, coordinatorOf(request), request.params.id, request.body, now)
      return partnerDetail(db, (await findPartner(db, request.params.id))!, now)
    },
  )

  app.delete(
    '/api/v1/coordination/partners/:id',
    {
      schema: {
        summary: 'Remove a partner from the directory (and from the app\'s contacts)',
        tags,
        params: PartnerIdParamsSchema,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await removePartner(db, coordinatorOf(request), request.params.id, app.now())
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/v1/coordination/partner-requests',
    {
      schema: {
        summary: 'Partners\' declarations (entry, change, deletion) in my districts; open ones by default',
        tags,
        querystring: PartnerRequestListQuerySchema,
        response: { 200: Type.Array(PartnerRequestItemSchema), ...errors },
      },
    },
    async (request) => {
      const scope = districtScope(coordinatorOf(request), request.query.district)
      return listPartnerRequests(db, scope, request.query.status ?? 'open')
    },
  )

  app.post(
    '/api/v1/coordination/partner-requests/:id/apply',
    {
      schema: {
        summary: 'Apply a declaration: an entry creates the partner, a change updates it, a deletion deletes it',
        tags,
        params: PartnerIdParamsSchema,
        body: ApplyPartnerRequestSchema,
        response: { 200: PartnerRequestDecisionSchema, ...errors },
      },
    },
    async (request) => {
      const coordinator = coordinatorOf(request)
      const now = app.now()
      const { request: decided, partner } = await applyPartnerRequest(db, coordinator, request.params.id, request.body.partnerId, now)
      return { request: decided, partner: partner ? toPartnerDto({ ...partner, last_attended_on: (await findPartner(db, partner.id))?.last_attended_on ?? null }, berlinDay(now)) : null }
    },
  )

  app.post(
    '/api/v1/coordination/partner-requests/:id/reject',
    {
      schema: {
        summary: 'Reject a declaration with a reason the declaring device is shown; what it said is erased',
        tags,
        params: PartnerIdParamsSchema,
        body: RejectPartnerRequestSchema,
        response: { 200: PartnerRequestItemSchema, ...errors },
      },
    },
    async (request) => rejectPartnerRequest(db, coordinatorOf(request), request.params.id, request.body, app.now()),
  )

  app.get(
    '/api/v1/coordination/partner-meetings',
    {
      schema: {
        summary: 'Network meetings of the last year in my districts, with how many partners attended',
        tags,
        querystring: MeetingListQuerySchema,
        response: { 200: Type.Array(MeetingSchema), ...errors },
      },
    },
    async (request) => listMeetings(db, districtScope(coordinatorOf(request), request.query.district), app.now()),
  )

  app.get(
    '/api/v1/coordination/partner-meetings/:occurrenceId',
    {
      schema: {
        summary: 'The partners of a network meeting\'s district, each with whether it attended',
        tags,
        params: MeetingParamsSchema,
        response: { 200: MeetingAttendanceSchema, ...errors },
      },
    },
    async (request) => meetingAttendance(db, coordinatorOf(request), request.params.occurrenceId),
  )

  app.put(
    '/api/v1/coordination/partner-meetings/:occurrenceId/attendance',
    {
      schema: {
        summary: 'Record which partners attended a network meeting',
        tags,
        params: MeetingParamsSchema,
        body: AttendanceInputSchema,
        response: { 200: MeetingAttendanceSchema, ...errors },
      },
    },
    async (request) => setMeetingAttendance(db, coordinatorOf(request), request.params.occurrenceId, request.body.partnerIds, app.now()),
  )
}

export interface PartnerRequestRoutesOptions {
  db: Kysely<Database>
  /** Declarations per client and minute. */
  requestsPerMinute?: number
}

/**
 * Public (no session): a partner organisation asks to be entered into the directory, changed or
 * deleted. Sent from the phone's outbox with an Idempotency-Key; a replay returns the first answer.
 */
export const partnerRequestRoutes: FastifyPluginAsyncTypebox<PartnerRequestRoutesOptions> = async (app, { db, requestsPerMinute = 10 }) => {
  app.post(
    '/api/v1/partner-requests',
    {
      schema: {
        summary: 'A partner organisation asks for an entry, a change or a deletion in the network\'s partner directory',
        tags: ['partners'],
        headers: IdempotencyHeadersSchema,
        body: PartnerRequestSchema,
        response: { 201: PartnerRequestAnswerSchema, 400: ApiErrorSchema, 413: ApiErrorSchema, 415: ApiErrorSchema, 422: ApiErrorSchema, 429: ApiErrorSchema },
      },
      config: { rateLimit: { max: requestsPerMinute, timeWindow: 60_000 } },
      preValidation: async (request) => {
        request.body = normalizePartnerRequest(request.body) as PartnerRequestInput
      },
      preHandler: async (request) => {
        const fields = partnerRequestRuleErrors(request.body)
        if (Object.keys(fields).length > 0) throw new Problem(400, 'validation', 'Some details this kind of declaration needs are missing.', fields)
      },
    },
    async (request, reply) => {
      const body = request.body
      const now = app.now()
      const answer = await withIdempotency(db, { key: request.headers['idempotency-key'], route: 'partner-requests', body, now }, (trx) =>
        receivePartnerRequest(trx, body, now, addressHash(request.ip)),
      )
      return reply.status(answer.statusCode as 201).send(answer.body as Static<typeof PartnerRequestAnswerSchema>)
    },
  )
  app.get(
    '/api/v1/partner-requests/:token',
    {
      schema: {
        summary: 'The outcome of a declaration for the device that sent it (its status token): open, applied, or rejected with the reason',
        tags: ['partners'],
        params: PartnerRequestStatusParamsSchema,
        response: { 200: PartnerRequestOutcomeSchema, 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const outcome = await findOutcome(db, request.params.token)
      if (!outcome) throw new Problem(404, 'not_found', 'No declaration for this status token.')
      reply.header('cache-control', 'no-store')
      return outcome
    },
  )
}
