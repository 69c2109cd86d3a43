import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

// TODO(issue 6): routes of this feature; registered inside the authenticated coordination scope.
export const coordinationMeetupsRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async () => {}
