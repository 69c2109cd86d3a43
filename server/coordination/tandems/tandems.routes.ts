import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

// TODO(issue 6): routes of this feature; registered inside the authenticated coordination scope.
export const coordinationTandemsRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async () => {}
// TODO(issue 6): public (no session): each side accepts or declines a match through its manage link.
export const tandemMatchAnswerRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async () => {}
