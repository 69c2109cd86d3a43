import type { PartnerRequestOutcome } from '../shared/coordination/partner.schema.ts'
import { call } from '../manage/manage-api.ts'

export type LoadedOutcome = { kind: 'ok'; outcome: PartnerRequestOutcome } | { kind: 'unknown' | 'offline' | 'failed' }

/**
 * A declaration's outcome for the status link in its mails (`/partners/status/<token>`): read from the
 * server, so it works on any device, also one that never sent the declaration.
 */
export async function loadOutcome(token: string): Promise<LoadedOutcome> {
  const response = await call(`/api/v1/partner-requests/${token}`)
  if (response === 'offline') return { kind: 'offline' }
  if (response.status === 404 || response.status === 400) return { kind: 'unknown' }
  if (!response.ok) return { kind: 'failed' }
  return { kind: 'ok', outcome: (await response.json()) as PartnerRequestOutcome }
}
