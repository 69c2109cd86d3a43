import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../db/schema.ts'
import { ApiErrorSchema } from '../../src/shared/api-error.schema.ts'
import { NetworkRulesInputSchema, NetworkRulesSchema, RulesDistrictParamsSchema, RulesQuerySchema } from '../../src/shared/network/network-rules.schema.ts'
import { Problem } from '../errors/problem.ts'
import { assertDistrict, coordinatorOf } from '../coordination/auth/coordinator-auth.ts'
import { currentRules, listRules } from './network-rules.repository.ts'
import { publishRules } from './network-rules.service.ts'

const noRules = () => new Problem(404, 'not_found', 'This network has published no rules.')

/** Public: the rules in force for a district, the text the partner declaration links to. */
export const networkRulesRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/v1/network-rules/:district',
    {
      schema: {
        summary: 'The network rules (Geschäftsordnung) in force in a district, with their dated version',
        tags: ['partners'],
        params: RulesDistrictParamsSchema,
        response: { 200: NetworkRulesSchema, 400: ApiErrorSchema, 404: ApiErrorSchema },
      },
    },
    async (request) => (await currentRules(db, request.params.district)) ?? Promise.reject(noRules()),
  )
}

/** The workspace: a district's published versions, and publishing a new one. Registered inside the authenticated scope. */
export const coordinationNetworkRulesRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  const tags = ['coordination']
  const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema }
  app.get(
    '/api/v1/coordination/network-rules',
    { schema: { summary: 'Every published version of a district’s network rules, newest first', tags, querystring: RulesQuerySchema, response: { 200: Type.Array(NetworkRulesSchema), ...errors } } },
    async (request) => {
      assertDistrict(coordinatorOf(request), request.query.district)
      return listRules(db, request.query.district)
    },
  )
  app.post(
    '/api/v1/coordination/network-rules',
    {
      schema: {
        summary: 'Publish a new dated version of a district’s network rules; partner declarations acknowledge it from then on',
        tags,
        body: NetworkRulesInputSchema,
        response: { 201: NetworkRulesSchema, ...errors, 409: ApiErrorSchema, 415: ApiErrorSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await publishRules(db, coordinatorOf(request), request.body, app.now())),
  )
}
