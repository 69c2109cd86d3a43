import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../../db/schema.ts'
import { ApiErrorSchema } from '../../../src/shared/api-error.schema.ts'
import {
  EntryIdParamsSchema,
  MatchIdParamsSchema,
  MatchListQuerySchema,
  MatchSchema,
  OpenEntriesQuerySchema,
  OpenEntriesSchema,
  ProposeMatchSchema,
  SuggestionSchema,
  SuggestionsQuerySchema,
} from '../../../src/shared/coordination/tandem-match.schema.ts'
import { rankOffers } from '../../../src/shared/coordination/tandem-ranking.ts'
import { Problem } from '../../errors/problem.ts'
import { assertDistrict, coordinatorOf, districtScope } from '../auth/coordinator-auth.ts'
import { findTandem, inOpenMatch, listOpenEntries, toTandemEntry } from './tandem-entries.ts'
import { closeMatch, listMatches, proposeMatch } from './matches.service.ts'

const errors = { 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema }
const tags = ['coordination']

/**
 * Tandem matching in the coordinator workspace: open offers and requests, ranked suggestions for a
 * request, proposing a pair, the list of matches, ending and withdrawing. Every route checks the
 * coordinator's districts; every change is in the audit log.
 */
export const coordinationTandemsRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/v1/coordination/tandems',
    {
      schema: {
        summary: 'Open tandem offers and requests in my districts (not withdrawn or erased, in no proposed or active match)',
        tags,
        querystring: OpenEntriesQuerySchema,
        response: { 200: OpenEntriesSchema, ...errors },
      },
    },
    async (request) => {
      const { district, kind } = request.query
      const scope = districtScope(coordinatorOf(request), district)
      const entries = await listOpenEntries(db, { scope, ...(kind ? { kind } : {}) })
      return { offers: entries.filter((e) => e.role === 'offer'), requests: entries.filter((e) => e.role === 'request') }
    },
  )

  app.get(
    '/api/v1/coordination/tandems/requests/:id/suggestions',
    {
      schema: {
        summary: 'Open offers in my districts ranked for one request: same kind first, then language, place, common times and interests',
        tags,
        params: EntryIdParamsSchema,
        querystring: SuggestionsQuerySchema,
        response: { 200: Type.Array(SuggestionSchema), ...errors },
      },
    },
    async (request) => {
      const coordinator = coordinatorOf(request)
      const row = await findTandem(db, request.params.id)
      if (!row || row.role !== 'request') throw new Problem(404, 'not_found', 'No such tandem request.')
      assertDistrict(coordinator, row.district)
      if (row.status !== 'received') throw new Problem(409, 'not_open', 'This request was withdrawn or erased.')
      if (await inOpenMatch(db, row.id)) throw new Problem(409, 'already_matched', 'This request is already in a proposed or active match.')
      const offers = await listOpenEntries(db, { scope: districtScope(coordinator), role: 'offer' })
      return rankOffers(toTandemEntry(row), offers).slice(0, request.query.limit)
    },
  )

  app.get(
    '/api/v1/coordination/tandems/matches',
    {
      schema: {
        summary: 'Tandem matches with a side in my districts, newest first; `status=open` for proposed and active',
        tags,
        querystring: MatchListQuerySchema,
        response: { 200: Type.Array(MatchSchema), ...errors },
      },
    },
    async (request) => {
      const { district, status } = request.query
      return listMatches(db, { scope: districtScope(coordinatorOf(request), district), ...(status ? { status } : {}) })
    },
  )

  app.post(
    '/api/v1/coordination/tandems/matches',
    {
      schema: {
        summary: 'Propose a pair; each side then accepts or declines through their manage link',
        tags,
        body: ProposeMatchSchema,
        response: { 201: MatchSchema, ...errors },
      },
    },
    async (request, reply) => {
      const match = await proposeMatch(db, coordinatorOf(request), request.body, app.now())
      return reply.status(201).send(match)
    },
  )

  app.post(
    '/api/v1/coordination/tandems/matches/:id/end',
    {
      schema: { summary: 'End an active tandem', tags, params: MatchIdParamsSchema, response: { 200: MatchSchema, ...errors } },
    },
    async (request) => closeMatch(db, coordinatorOf(request), request.params.id, 'end', app.now()),
  )

  app.post(
    '/api/v1/coordination/tandems/matches/:id/withdraw',
    {
      schema: {
        summary: 'Withdraw a proposal nobody declined yet; both entries are open again',
        tags,
        params: MatchIdParamsSchema,
        response: { 200: MatchSchema, ...errors },
      },
    },
    async (request) => closeMatch(db, coordinatorOf(request), request.params.id, 'withdraw', app.now()),
  )
}
