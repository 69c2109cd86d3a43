import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { SYNC_ENTITIES } from '../../src/shared/sync-entities.ts'
import { SyncQuerySchema, SyncResponseSchema, type SyncResponse } from '../../src/shared/sync.schema.ts'
import { ApiErrorSchema } from '../../src/shared/api-error.schema.ts'
import { deletedSince } from './change-seq.ts'
import { SYNC_SOURCES } from './sync-sources.ts'

/** Delta since a cursor. Read in one transaction so the cursor matches exactly what was sent. */
export async function readDelta(db: Kysely<Database>, since: number, now: Date): Promise<SyncResponse> {
  return db.transaction().execute(async (trx) => {
    let cursor = since
    const changes: Record<string, unknown[]> = {}
    const deleted: Record<string, string[]> = {}
    for (const entity of SYNC_ENTITIES) {
      const rows = await SYNC_SOURCES[entity](trx, since, now)
      // A first sync (since = 0) has nothing to delete.
      const gone = since > 0 ? await deletedSince(trx, entity, since) : []
      for (const row of [...rows, ...gone]) cursor = Math.max(cursor, row.seq)
      changes[entity] = rows.map((r) => r.item)
      deleted[entity] = gone.map((g) => g.id)
    }
    return { cursor, changes, deleted } as SyncResponse
  })
}

export const syncRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/v1/sync',
    {
      schema: {
        summary: 'What changed and what was deleted since a cursor',
        querystring: SyncQuerySchema,
        response: { 200: SyncResponseSchema, 400: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return readDelta(db, request.query.since, app.now())
    },
  )
}
