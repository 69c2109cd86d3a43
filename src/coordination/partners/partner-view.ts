import type { PartnerDto, PartnerInput } from '../../shared/coordination/partner.schema.ts'
import { DISTRICTS, districtBySlug, type District } from '../../shared/districts.ts'
import { ApiProblem, problemKey } from '../problems.ts'

/** Pure helpers of the partner directory's views (tested in test/unit/coordination/partners-view.test.ts). */

/** A Berlin calendar day (YYYY-MM-DD) with its year, in the reader's language. */
export function formatDay(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(Date.UTC(y, m - 1, d)))
}

export function districtName(slug: string): string {
  return districtBySlug(slug)?.name ?? slug
}

/** The districts a coordinator may pick: all for an admin, otherwise their own, in the state's order. */
export function selectableDistricts(account: { role: string; districts: readonly string[] } | null): District[] {
  if (!account) return []
  return account.role === 'admin' ? [...DISTRICTS] : DISTRICTS.filter((d) => account.districts.includes(d.slug))
}

// Problems of this section that the common texts do not name.
const OWN_PROBLEMS = ['meeting_not_held', 'meeting_cancelled']

/** Message key for a failed call. */
export function partnerProblemKey(error: unknown): string {
  if (error instanceof ApiProblem && OWN_PROBLEMS.includes(error.error)) return `coordinationPartners.problems.${error.error}`
  return problemKey(error)
}

/** Field errors the server named, for the editor's fields. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiProblem ? error.fields : {}
}

/** What the partner editor edits: plain strings, so empty optional fields are simply left out. */
export interface PartnerEditorState {
  organisation: string
  address: string
  district: string
  contactFunction: string
  phone: string
  email: string
  workingGroups: string[]
  publicListing: boolean
  memberSince: string
}

export function emptyPartnerEditor(district = ''): PartnerEditorState {
  return { organisation: '', address: '', district, contactFunction: '', phone: '', email: '', workingGroups: [], publicListing: false, memberSince: '' }
}

export function partnerEditorFrom(partner: PartnerDto): PartnerEditorState {
  return {
    organisation: partner.organisation,
    address: partner.address,
    district: partner.district,
    contactFunction: partner.contactFunction,
    phone: partner.phone ?? '',
    email: partner.email,
    workingGroups: [...partner.workingGroups],
    publicListing: partner.publicListing,
    memberSince: partner.memberSince,
  }
}

/** The request body; empty text fields are dropped by the shared cleaning (normalizeSubmission). */
export function partnerEditorPayload(state: PartnerEditorState): Record<string, unknown> {
  return { ...state, workingGroups: [...state.workingGroups] } satisfies Record<keyof PartnerInput, unknown>
}
