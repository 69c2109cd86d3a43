import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ApiErrorSchema } from '../../src/shared/api-error.schema.ts'
import { MatchAnswerSchema, MatchViewSchema } from '../../src/shared/coordination/tandem-match.schema.ts'
import { ManageParamsSchema } from '../../src/shared/volunteering/manage.schema.ts'
import { Problem } from '../errors/problem.ts'
import { answerMatch, matchViewFor } from '../coordination/tandems/matches.service.ts'
import { hashManageToken } from './manage-token.ts'
import { findTandemByTokenHash } from './tandems.repository.ts'

/**
 * Public (no session): a person accepts or declines the match proposed to them through the secret
 * manage link of their tandem entry. `GET /api/v1/manage/:token` shows the match (see manage.ts).
 */
export const matchAnswerRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.post(
    '/api/v1/manage/:token/match',
    {
      schema: {
        summary: 'Accept or decline the proposed tandem match; the partner\'s contact shows once both accepted',
        tags: ['volunteering'],
        params: ManageParamsSchema,
        body: MatchAnswerSchema,
        response: { 200: MatchViewSchema, 400: ApiErrorSchema, 404: ApiErrorSchema, 409: ApiErrorSchema, 429: ApiErrorSchema },
      },
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const tandem = await findTandemByTokenHash(db, hashManageToken(request.params.token))
      if (!tandem) throw new Problem(404, 'not_found', 'No entry for this manage token.')
      if (tandem.status !== 'received') throw new Problem(409, 'no_proposal', 'This entry was withdrawn or erased.')
      await answerMatch(db, tandem, request.body.answer, app.now())
      reply.header('cache-control', 'no-store')
      const view = await matchViewFor(db, tandem)
      if (!view) throw new Problem(409, 'no_proposal', 'There is no tandem match for this entry.')
      return view
    },
  )
}
