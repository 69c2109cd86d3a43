import { Type, type Static } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ApiErrorSchema } from '../../src/shared/api-error.schema.ts'
import { SubmissionAnswerSchema } from '../../src/shared/volunteering/fields.schema.ts'
import { TandemSchema, type TandemInput } from '../../src/shared/volunteering/tandem.schema.ts'
import { RegistrationSchema } from '../../src/shared/volunteering/registration.schema.ts'
import { ManagedEntrySchema, ManageParamsSchema, ManageQuerySchema } from '../../src/shared/volunteering/manage.schema.ts'
import { normalizeSubmission } from '../../src/shared/volunteering/normalize.ts'
import { tandemRuleErrors } from '../../src/shared/volunteering/rules.ts'
import { IdempotencyHeadersSchema, withIdempotency } from '../idempotency/idempotency.ts'
import { createTandem } from './tandems.repository.ts'
import { createRegistration } from './registrations.repository.ts'
import { cancelByToken, findManagedEntry, renewByToken } from './manage.ts'
import { matchAnswerRoutes } from './match-answer.routes.ts'
import { useStrictJson } from '../web/strict-json.ts'
import { registerRateLimit } from '../errors/rate-limit.ts'
import { scheduleRetention } from './retention.ts'
import { Problem } from '../errors/problem.ts'
import { addressHash } from '../mail/mail-queue.repository.ts'

export interface VolunteeringOptions {
  db: Kysely<Database>
  retentionDays: number
  /** Submissions per client and minute. */
  submissionsPerMinute?: number
  /** Live registrations per client address and date (0: no limit). */
  registrationsPerClientAndDate?: number
}

const RegistrationHeadersSchema = Type.Object({
  ...IdempotencyHeadersSchema.properties,
  'x-device-key': Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_-]{43}$', description: "The phone's own secret: the same phone registering again for a date is answered with its place." }),
  ),
})

const errors = { 400: ApiErrorSchema, 409: ApiErrorSchema, 413: ApiErrorSchema, 415: ApiErrorSchema, 422: ApiErrorSchema, 429: ApiErrorSchema }

/** Same cleaning as the forms do (trim, e-mail lower case, phone in E.164) before the schema is checked. */
async function normalizeBody(request: FastifyRequest): Promise<void> {
  request.body = normalizeSubmission(request.body)
}

const notFound = () => new Problem(404, 'not_found', 'No entry for this manage token.')

export const volunteeringRoutes: FastifyPluginAsyncTypebox<VolunteeringOptions> = async (app, options) => {
  const { db } = options
  useStrictJson(app)
  await registerRateLimit(app, db)
  await app.register(matchAnswerRoutes, { db })
  await scheduleRetention(app, db, options.retentionDays)
  const rateLimitConfig = { rateLimit: { max: options.submissionsPerMinute ?? 60, timeWindow: 60_000 } }
  const submit = (route: string, work: Parameters<typeof withIdempotency>[2], request: { headers: Record<string, unknown>; body: unknown }) =>
    withIdempotency(db, { key: String(request.headers['idempotency-key']), route, body: request.body, now: app.now() }, work)

  app.post(
    '/api/v1/tandems',
    {
      schema: {
        summary: 'Offer (volunteer) or request (newcomer) a language tandem, sponsorship or Hauptamt–Ehrenamt tandem',
        headers: IdempotencyHeadersSchema,
        body: TandemSchema,
        response: { 201: SubmissionAnswerSchema, ...errors },
      },
      config: rateLimitConfig,
      preValidation: normalizeBody,
      preHandler: async (request) => {
        const fields = tandemRuleErrors(request.body as TandemInput)
        if (Object.keys(fields).length > 0) throw new Problem(400, 'validation', 'An e-mail address or a phone number is needed.', fields)
      },
    },
    async (request, reply) => {
      const answer = await submit('tandems', (trx) => createTandem(trx, request.body, app.now(), addressHash(request.ip)), request)
      return reply.status(answer.statusCode as 201).send(answer.body as Static<typeof SubmissionAnswerSchema>)
    },
  )

  app.post(
    '/api/v1/registrations',
    {
      schema: {
        summary: 'Register for one date of a network event; beyond capacity the registration is waitlisted',
        description:
          'One place per person and date: the same phone gets its place back (200); the same e-mail address elsewhere gets 409. ' +
          'One client address holds at most REGISTRATIONS_PER_CLIENT_AND_DATE live registrations of a date (409 `registration_limit`). ' +
          'A guest (`attendingAs: guest`, with a contribution to the agenda) is `requested` until a coordinator approves.',
        headers: RegistrationHeadersSchema,
        body: RegistrationSchema,
        response: { 200: SubmissionAnswerSchema, 201: SubmissionAnswerSchema, ...errors },
      },
      config: rateLimitConfig,
      preValidation: normalizeBody,
    },
    async (request, reply) => {
      const deviceKey = request.headers['x-device-key']
      const answer = await submit('registrations', (trx) => createRegistration(trx, request.body, app.now(), {
          deviceKey,
          clientHash: addressHash(request.ip),
          perClientAndDate: options.registrationsPerClientAndDate ?? 0,
        }), request)
      return reply.status(answer.statusCode as 201).send(answer.body as Static<typeof SubmissionAnswerSchema>)
    },
  )

  app.get(
    '/api/v1/manage/:token',
    {
      schema: {
        summary: 'Show an entry and its status; `?format=json` downloads everything stored about it',
        params: ManageParamsSchema,
        querystring: ManageQuerySchema,
        response: { 200: ManagedEntrySchema, 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const entry = await findManagedEntry(db, request.params.token)
      if (!entry) throw notFound()
      reply.header('cache-control', 'no-store')
      if (request.query.format === 'json') {
        reply.header('content-disposition', `attachment; filename="willkommen-${entry.type}-${entry.id}.json"`)
      }
      return entry
    },
  )

  app.delete(
    '/api/v1/manage/:token',
    {
      schema: {
        summary: 'Cancel an entry and erase its personal data (repeatable)',
        params: ManageParamsSchema,
        response: { 204: Type.Null(), 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      if (!(await cancelByToken(db, request.params.token, app.now()))) throw notFound()
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/api/v1/manage/:token/renew',
    {
      schema: {
        summary: 'Keep a tandem entry for another twelve months',
        params: ManageParamsSchema,
        response: { 204: Type.Null(), 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      if (!(await renewByToken(db, request.params.token, app.now()))) throw notFound()
      return reply.status(204).send(null)
    },
  )
}
