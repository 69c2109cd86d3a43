import type { AuditEntryDto } from '../../shared/coordination/audit.schema.ts'
import { coordinationApi, withQuery } from '../coordination-api.ts'

/** The audit log's calls (server/coordination/audit/audit.routes.ts). */
export const auditApi = {
  page: (limit: number, before?: number) => coordinationApi<AuditEntryDto[]>(withQuery('/audit', { limit, before })),
}
