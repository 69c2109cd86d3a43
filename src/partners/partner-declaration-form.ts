import { CURRENT_PARTNER_CONSENT_VERSION, type PartnerRequestInput } from '../shared/coordination/partner.schema.ts'
import { workingGroupsOf } from '../shared/network/working-groups.ts'

/** What the partner declaration form edits: plain strings and lists, so it can be autosaved as typed. */
export interface PartnerDeclarationFormState {
  kind: string
  /** A change names the entry as it is listed now. */
  entryOrganisation: string
  entryEmail: string
  organisation: string
  address: string
  district: string
  contactFunction: string
  phone: string
  email: string
  workingGroups: string[]
  note: string
  /** When each consent box was ticked (ISO), or '' when not ticked. */
  consentStore: string
  consentPublish: string
  /** E-mails about the declaration to its address (any kind; double opt-in). */
  consentMail: string
  /** The version of the district's network rules the partner acknowledged ('' when not ticked). */
  rulesVersion: string
}

export function emptyPartnerDeclarationForm(district = ''): PartnerDeclarationFormState {
  return {
    kind: '',
    entryOrganisation: '',
    entryEmail: '',
    organisation: '',
    address: '',
    district,
    contactFunction: '',
    phone: '',
    email: '',
    workingGroups: [],
    note: '',
    consentStore: '',
    consentPublish: '',
    consentMail: '',
    rulesVersion: '',
  }
}

const consent = (givenAt: string) => ({ textVersion: CURRENT_PARTNER_CONSENT_VERSION, givenAt })

/**
 * The request body for the form's kind: a deletion sends only what names the entry (and whether mail
 * about it is wanted); an entry or a change sends the organisation's details, a change also the entry
 * it changes. Empty fields are dropped later by the shared cleaning (normalizePartnerRequest).
 */
export function partnerDeclarationPayload(form: PartnerDeclarationFormState, locale: string): Record<string, unknown> {
  const common = { kind: form.kind, organisation: form.organisation, district: form.district, email: form.email, note: form.note, locale }
  const mail = form.consentMail ? { mail: consent(form.consentMail) } : {}
  if (form.kind === 'deletion') return { ...common, consents: mail }
  return {
    ...common,
    ...(form.kind === 'change' ? { entry: { organisation: form.entryOrganisation, email: form.entryEmail } } : {}),
    address: form.address,
    contactFunction: form.contactFunction,
    phone: form.phone,
    // Only the groups of the chosen district's network (none where it has none).
    workingGroups: form.workingGroups.filter((g) => (workingGroupsOf(form.district) as readonly string[]).includes(g)),
    ...(form.rulesVersion ? { rulesVersion: form.rulesVersion } : {}),
    consents: {
      ...(form.consentStore ? { store: consent(form.consentStore) } : {}),
      ...(form.consentPublish ? { publish: consent(form.consentPublish) } : {}),
      ...mail,
    },
  }
}

/** The form again from a saved declaration, to correct one the server refused. */
export function partnerDeclarationFormFrom(payload: Partial<PartnerRequestInput>): PartnerDeclarationFormState {
  return {
    kind: payload.kind ?? '',
    entryOrganisation: payload.entry?.organisation ?? '',
    entryEmail: payload.entry?.email ?? '',
    organisation: payload.organisation ?? '',
    address: payload.address ?? '',
    district: payload.district ?? '',
    contactFunction: payload.contactFunction ?? '',
    phone: payload.phone ?? '',
    email: payload.email ?? '',
    workingGroups: [...(payload.workingGroups ?? [])],
    note: payload.note ?? '',
    consentStore: payload.consents?.store?.givenAt ?? '',
    consentPublish: payload.consents?.publish?.givenAt ?? '',
    consentMail: payload.consents?.mail?.givenAt ?? '',
    rulesVersion: payload.rulesVersion ?? '',
  }
}
