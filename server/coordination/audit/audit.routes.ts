import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../../db/schema.ts'
import { ApiErrorSchema } from '../../../src/shared/api-error.schema.ts'
import { AuditEntrySchema, AuditQuerySchema } from '../../../src/shared/coordination/audit.schema.ts'
import { coordinatorOf, districtScope } from '../auth/coordinator-auth.ts'

/** Who changed what and when. A coordinator sees the entries of their districts and their own; an admin sees all. */
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
      const { district, entity, entityId, before, limit } = request.query
      const coordinator = coordinatorOf(request)
      const scope = districtScope(coordinator, district)
      let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit)
      // A coordinator sees their districts' entries and their own (logins have no district).
      if (scope !== 'all') {
        query = query.where((eb) =>
          district ? eb('district', 'in', scope) : eb.or([eb('district', 'in', scope.length ? scope : ['']), eb('actor', '=', coordinator.email)]),
        )
      }
      if (entity) query = query.where('entity', '=', entity)
      if (entityId) query = query.where('entity_id', '=', entityId)
      if (before) query = query.where('id', '<', String(before))
      const rows = await query.execute()
      return rows.map((r) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        district: r.district,
        details: r.details,
      }))
    },
  )
}
