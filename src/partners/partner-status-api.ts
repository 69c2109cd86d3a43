import type { PartnerRequestOutcome } from '../shared/coordination/partner.schema.ts'
import { loadByLink, type LinkLoad } from '../manage/manage-api.ts'

/**
 * A declaration's outcome for the status link in its mails (`/partners/status/<token>`): read from the
 * server, so it works on any device, also one that never sent the declaration.
 */
export const loadOutcome = (token: string): Promise<LinkLoad<PartnerRequestOutcome>> => loadByLink<PartnerRequestOutcome>(`/api/v1/partner-requests/${token}`)
