import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../../db/schema.ts'
import { ApiErrorSchema } from '../../../src/shared/api-error.schema.ts'
import { AuditEntrySchema, AuditFiltersSchema, AuditQuerySchema } from '../../../src/shared/coordination/audit.schema.ts'
import { coordinatorOf, districtScope } from '../auth/coordinator-auth.ts'
import type { Coordinator } from '../auth/sessions.ts'
import { auditSubjects, eventOfEntry } from './audit-subjects.ts'

/** The entries a coordinator may read: their districts' and their own (logins have no district); an admin all. */
function readable<O>(query: SelectQueryBuilder<Database, 'audit_log', O>, coordinator: Coordinator, district?: string) {
  const scope = districtScope(coordinator, district)
  if (scope === 'all') return query
  return query.where((eb) =>
    district ? eb('district', 'in', scope) : eb.or([eb('district', 'in', scope.length ? scope : ['']), eb('actor', '=', coordinator.email)]),
  )
}

/** Who changed what and when, with the names of the events, people and partners it was about. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/v1/coordination/audit',
    {
      schema: {
        summary: 'The audit log, newest first',
        tags: ['coordination'],
        querystring: AuditQuerySchema,
        response: { 200: Type.Array(AuditEntrySchema), 400: ApiErrorSchema, 401: ApiErrorSchema, 403: ApiErrorSchema },
      },
    },
    async (request) => {
      const { district, entity, entityId, actor, event, before, limit } = request.query
      let query = readable(db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit), coordinatorOf(request), district)
      if (entity) query = query.where('entity', '=', entity)
      if (entityId) query = query.where('entity_id', '=', entityId)
      if (actor) query = query.where('actor', '=', actor)
      if (event) query = query.where(eventOfEntry, '=', event)
      if (before) query = query.where('id', '<', String(before))
      const rows = await query.execute()
      const subjects = await auditSubjects(db, rows)
      return rows.map((r, i) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        district: r.district,
        details: r.details,
        subject: subjects[i]!,
      }))
    },
  )

  app.get(
    '/api/v1/coordination/audit/filters',
    {
      schema: {
        summary: 'The people and events the audit log can be filtered by',
        tags: ['coordination'],
        response: { 200: AuditFiltersSchema, 401: ApiErrorSchema },
      },
    },
    async (request) => {
      const coordinator = coordinatorOf(request)
      const [actors, events] = await Promise.all([
        readable(db.selectFrom('audit_log').select('actor').distinct().orderBy('actor'), coordinator).execute(),
        db
          .selectFrom('meetups')
          .select(['id', 'title'])
          .where(sql<string>`id::text`, 'in', readable(db.selectFrom('audit_log').select(eventOfEntry.as('event')), coordinator).where(eventOfEntry, 'is not', null))
          .orderBy('starts_local', 'desc')
          .execute(),
      ])
      return { actors: actors.map((a) => a.actor), events }
    },
  )
}
