import { CURRENT_CONSENT_VERSION } from '../shared/volunteering/fields.schema.ts'
import type { TandemInput } from '../shared/volunteering/tandem.schema.ts'

/** What the tandem form edits: plain strings and lists, so it can be autosaved as typed. */
export interface TandemFormState {
  kind: string
  name: string
  email: string
  phone: string
  district: string
  town: string
  languages: Array<{ code: string; level: string }>
  availability: string[]
  interests: string
  travelKm: string
  onlineOk: boolean
  note: string
  /** When each consent box was ticked (ISO), or '' when not ticked. */
  consentStore: string
  consentShare: string
  /** E-mails about a match (needs the address; double opt-in). */
  consentMail: string
}

export function emptyTandemForm(district = ''): TandemFormState {
  return {
    kind: '',
    name: '',
    email: '',
    phone: '',
    district,
    town: '',
    languages: [],
    availability: [],
    interests: '',
    travelKm: '',
    onlineOk: false,
    note: '',
    consentStore: '',
    consentShare: '',
    consentMail: '',
  }
}

const consent = (givenAt: string) => ({ textVersion: CURRENT_CONSENT_VERSION, givenAt })

/** The request body for the form; empty optional fields are left out (the shared normaliser drops blanks). */
export function tandemPayload(form: TandemFormState, role: 'offer' | 'request', locale: string): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    role,
    kind: form.kind,
    name: form.name,
    email: form.email,
    phone: form.phone,
    district: form.district,
    town: form.town,
    interests: form.interests,
    note: form.note,
    locale,
    consents: {
      ...(form.consentStore ? { store: consent(form.consentStore) } : {}),
      ...(form.consentShare ? { share: consent(form.consentShare) } : {}),
      ...(form.consentMail ? { mail: consent(form.consentMail) } : {}),
    },
  }
  const languages = form.languages.filter((l) => l.code)
  if (languages.length) payload.languages = languages.map((l) => ({ code: l.code, level: l.level }))
  if (form.availability.length) payload.availability = [...form.availability]
  if (form.travelKm !== '') payload.travelKm = Number(form.travelKm)
  if (form.onlineOk) payload.onlineOk = true
  return payload
}

/** Back from a stored body to the form, to fix and resend a rejected entry. */
export function tandemFormFrom(payload: Partial<TandemInput>): TandemFormState {
  return {
    ...emptyTandemForm(),
    kind: payload.kind ?? '',
    name: payload.name ?? '',
    email: payload.email ?? '',
    phone: payload.phone ?? '',
    district: payload.district ?? '',
    town: payload.town ?? '',
    languages: payload.languages?.map((l) => ({ ...l })) ?? [],
    availability: payload.availability ? [...payload.availability] : [],
    interests: payload.interests ?? '',
    travelKm: payload.travelKm === undefined ? '' : String(payload.travelKm),
    onlineOk: payload.onlineOk ?? false,
    note: payload.note ?? '',
    consentStore: payload.consents?.store?.givenAt ?? '',
    consentShare: payload.consents?.share?.givenAt ?? '',
    consentMail: payload.consents?.mail?.givenAt ?? '',
  }
}
