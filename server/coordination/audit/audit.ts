import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

export interface AuditEntry {
  /** A coordinator's e-mail, or `system`, `partner`, `participant` for changes not made by a coordinator. */
  actor: string
  /** `<entity>.<verb>`, e.g. `meetup.create`, `match.propose`, `partner.delete`. */
  action: string
  entity: string
  entityId: string
  district: string | null
  /** What changed; never passwords or a person's contact details. */
  details?: Record<string, unknown>
}

/** Appends to the audit log; call it in the same transaction as the change it records. */
export async function writeAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      district: entry.district,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute()
}
