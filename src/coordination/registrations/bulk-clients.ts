import type { RegistrationRowDto } from '../../shared/coordination/registrations.schema.ts'

export interface ClientGroup {
  client: string
  count: number
}

const LIVE = new Set(['confirmed', 'waitlisted', 'requested'])

/** Clients holding at least `min` live entries of a date (bulk entries), most entries first. */
export function bulkClients(rows: readonly RegistrationRowDto[], min = 2): ClientGroup[] {
  const counts = new Map<string, number>()
  for (const r of rows) if (r.client && LIVE.has(r.status)) counts.set(r.client, (counts.get(r.client) ?? 0) + 1)
  return [...counts]
    .filter(([, count]) => count >= min)
    .map(([client, count]) => ({ client, count }))
    .sort((a, b) => b.count - a.count || (a.client < b.client ? -1 : 1))
}
