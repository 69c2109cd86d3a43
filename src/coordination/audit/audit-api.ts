import type { AuditEntryDto, AuditFiltersDto } from '../../shared/coordination/audit.schema.ts'
import { coordinationApi, withQuery } from '../coordination-api.ts'

/** The audit log's calls (server/coordination/audit/audit.routes.ts). */
export interface AuditFilter {
  actor?: string
  event?: string
}

export const auditApi = {
  page: (limit: number, filter: AuditFilter = {}, before?: number) => coordinationApi<AuditEntryDto[]>(withQuery('/audit', { limit, ...filter, before })),
  filters: () => coordinationApi<AuditFiltersDto>('/audit/filters'),
}
