import type { AuditEntryDto } from '../../shared/coordination/audit.schema.ts'

/** A row of the log: one entry, or a run of logins folded into one line. */
export type AuditRow = { kind: 'entry'; entry: AuditEntryDto } | { kind: 'logins'; key: number; entries: AuditEntryDto[] }

export const LOGIN = 'coordinator.login'

/** Folds each run of consecutive logins into one row; everything else stays one row per entry. */
export function foldLogins(entries: AuditEntryDto[]): AuditRow[] {
  const rows: AuditRow[] = []
  for (const entry of entries) {
    const last = rows.at(-1)
    if (entry.action !== LOGIN) rows.push({ kind: 'entry', entry })
    else if (last?.kind === 'logins') last.entries.push(entry)
    else rows.push({ kind: 'logins', key: entry.id, entries: [entry] })
  }
  return rows
}

/** Actors that are not a coordinator's e-mail address (the log's own words for them). */
export const SYSTEM_ACTORS = ['system', 'partner', 'participant']

/** The changed fields an entry names (`details.changed`), if any. */
export function changedFields(entry: AuditEntryDto): string[] {
  const changed = entry.details.changed
  return Array.isArray(changed) ? changed.filter((f): f is string => typeof f === 'string') : []
}
