import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

// TODO(issue 6): routes of this feature; registered inside the authenticated coordination scope.
export const coordinationPartnersRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async () => {}
// TODO(issue 6): public (no session): a partner organisation asks for an entry, change or deletion.
export const partnerRequestRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async () => {}
