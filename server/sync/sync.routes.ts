import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../db/schema.ts'
import { SYNC_ENTITIES } from '../../src/shared/sync-entities.ts'
import { SyncQuerySchema, SyncResponseSchema, type SyncQuery, type SyncResponse } from '../../src/shared/sync.schema.ts'
import { ApiErrorSchema } from '../../src/shared/api-error.schema.ts'
import { Problem } from '../errors/problem.ts'
import { deletedSince } from './change-seq.ts'
import { SYNC_SOURCES, type AnySyncSource } from './sync-sources.ts'
import { scopeHead, type SyncRead } from './sync-scope.ts'
import { AnswerCache, sendCached } from './answer-cache.ts'
import { EVERYTHING, holdsEntity, normalizeScope, NOTHING_ADDED } from '../../src/shared/sync-scope.ts'

function emptyDelta(cursor: number): SyncResponse {
  const none = Object.fromEntries(SYNC_ENTITIES.map((e) => [e, []]))
  return { cursor, changes: none, deleted: none } as unknown as SyncResponse
}

/**
 * Delta for one read. Read in one snapshot (repeatable read) so the cursor — the scope's last change
 * number — matches exactly what was sent, even while other processes write.
 */
export async function readDelta(db: Kysely<Database>, read: SyncRead, now: Date, sources: Record<string, AnySyncSource> = SYNC_SOURCES): Promise<SyncResponse> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      let cursor = Math.max(read.since, await scopeHead(trx, read.scope))
      const changes: Record<string, unknown[]> = {}
      const deleted: Record<string, string[]> = {}
      for (const [entity, source] of Object.entries(sources)) {
        if (!holdsEntity(read.scope, entity)) {
          changes[entity] = []
          deleted[entity] = []
          continue
        }
        // An entity new to the phone comes whole, as on a first pull.
        const whole = (read.added.entities as readonly string[]).includes(entity)
        const rows = await source(trx, whole ? { ...read, since: 0, added: NOTHING_ADDED } : read, now)
        // A row moved between two districts of the scope is sent, not deleted (its old partition's tombstone is older).
        const sent = new Set(rows.map((r) => r.item.id))
        const gone = whole ? [] : (await deletedSince(trx, entity, read)).filter((g) => !sent.has(g.id))
        for (const row of [...rows, ...gone]) cursor = Math.max(cursor, row.seq)
        changes[entity] = rows.map((r) => r.item)
        deleted[entity] = [...new Set(gone.map((g) => g.id))]
      }
      return { cursor, changes, deleted } as SyncResponse
    })
}

/** The query as a read; added partitions must be in the scope. */
export function toSyncRead(query: SyncQuery): SyncRead {
  const scope = normalizeScope({ districts: query.districts ?? 'all', langs: query.langs ?? 'all', entities: query.entities ?? 'all' })
  const fields: Record<string, string> = {}
  const outside = (added: string[] | undefined, within: string[] | 'all' | undefined) => within !== undefined && within !== 'all' && (added ?? []).some((a) => !within.includes(a))
  if (outside(query.addedDistricts, scope.districts)) fields.addedDistricts = 'errors.sync.addedOutsideScope'
  if (outside(query.addedLangs, scope.langs)) fields.addedLangs = 'errors.sync.addedOutsideScope'
  if (outside(query.addedEntities, scope.entities)) fields.addedEntities = 'errors.sync.addedOutsideScope'
  if (Object.keys(fields).length) throw new Problem(400, 'validation', 'Added districts, languages and entities must be part of the scope.', fields)
  // With no cursor everything in scope is new anyway.
  const added = query.since === 0 ? NOTHING_ADDED : { districts: query.addedDistricts ?? [], langs: query.addedLangs ?? [], entities: query.addedEntities ?? [] }
  return { since: query.since, scope, added }
}

export const syncRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  const firstSyncs = new AnswerCache()
  app.get(
    '/api/v1/sync',
    {
      schema: {
        summary: 'What changed and what was deleted since a cursor, for the scope the phone keeps',
        description:
          'Without districts/langs the answer covers everything. The answer carries a weak ETag (the scope\'s last change number); ' +
          'a request with If-None-Match of that value and nothing new gets 304 without a body.',
        querystring: SyncQuerySchema,
        response: { 200: SyncResponseSchema, 304: Type.Null({ description: 'Nothing new in this scope' }), 400: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const read = toSyncRead(request.query)
      reply.header('cache-control', 'no-cache')
      const nothingAdded = read.added.districts.length === 0 && read.added.langs.length === 0 && read.added.entities.length === 0
      // The cheap path: a few rows of sync_heads, no synced table read.
      const head = await scopeHead(db, read.scope)
      // A cursor the server never handed out (another server's, or made up) is refused, not echoed back.
      if (read.since > head && read.since > (await scopeHead(db, EVERYTHING))) {
        throw new Problem(400, 'cursor_ahead', 'The cursor is ahead of this server; sync again from 0.', { since: 'errors.sync.cursorAhead' })
      }
      // First syncs of a scope are alike until its next change: built and compressed once.
      if (read.since === 0) {
        const now = app.now()
        const build = async () => {
          const delta = await readDelta(db, read, now)
          return { version: String(delta.cursor), body: JSON.stringify(delta), contentType: 'application/json; charset=utf-8' }
        }
        return sendCached(request, reply, await firstSyncs.get(`sync ${JSON.stringify(read.scope)}`, String(head), build, now.getTime()))
      }
      if (nothingAdded && head <= read.since) {
        const etag = `W/"${read.since}"`
        reply.header('etag', etag)
        if (request.headers['if-none-match'] === etag) return reply.status(304).send(null)
        return emptyDelta(read.since)
      }
      const delta = await readDelta(db, read, app.now())
      reply.header('etag', `W/"${delta.cursor}"`)
      return delta
    },
  )
}
