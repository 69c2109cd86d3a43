import type { ColumnType, Generated } from 'kysely'

/** Texts per language code; German (`de`) is always present. */
export type LocalizedText = Record<string, string>

export interface MeetupsTable {
  id: string
  kind: string
  title: ColumnType<LocalizedText, string, string>
  description: ColumnType<LocalizedText, string, string>
  district: string
  place_name: string
  address: string
  languages: string[]
  latitude: number | null
  longitude: number | null
  accessibility: ColumnType<LocalizedText | null, string | null, string | null>
  organiser: string
  audience: string[]
  /** What it costs, as text; null when free. */
  cost: ColumnType<LocalizedText | null, string | null, string | null>
  registration_required: boolean
  /** Places per date; null means unlimited. */
  capacity: number | null
  /** First start in Berlin wall time, e.g. 2026-12-03T17:00. */
  starts_local: string
  duration_minutes: number
  /** RFC 5545 rule (subset, see src/shared/meetups/recurrence.ts); null for a single date. */
  rrule: string | null
  exceptions: ColumnType<MeetupException[], string, string>
  /** Raised on every change; the SEQUENCE of calendar files. */
  revision: number
  is_sample: Generated<boolean>
  seq: number
  /** Set when a coordinator cancelled the whole meetup: every date from then on is cancelled. */
  cancelled_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>
}

/** A single date of a series cancelled or moved, keyed by its original local start (20261203T1700). */
export interface MeetupException {
  original: string
  /** New local start (2026-12-04T18:00) of a moved date; absent when cancelled. */
  movedTo?: string
  cancelled?: boolean
}

export interface MeetupOccurrencesTable {
  /** `<seriesId>:<original local start>`, stable across regeneration. */
  id: string
  meetup_id: string
  original_start: string
  starts_at: ColumnType<Date, string | Date, string | Date>
  ends_at: ColumnType<Date, string | Date, string | Date>
  status: 'scheduled' | 'cancelled'
  seq: number
  /** Places for this date alone (migration 0009); null: the meetup's capacity. */
  capacity: ColumnType<number | null, number | null | undefined, number | null>
}

/** A deleted synced row, in the partition it was deleted from (a moved row leaves one in its old district). */
export interface TombstonesTable {
  entity: string
  id: string
  seq: number
  /** District of the deleted row; null = statewide. */
  district: string | null
  /** Language of a per-language row; null otherwise. */
  lang: string | null
}

/** Last change number per sync partition; '' = statewide (district) or not per language (lang). */
export interface SyncHeadsTable {
  district: string
  lang: string
  seq: number
}

export type JsonColumn<T> = ColumnType<T, string, string>

export interface TandemsTable {
  id: string
  role: 'offer' | 'request'
  kind: string
  status: 'received' | 'cancelled' | 'erased'
  district: string
  /** Everything personal the person typed; null once erased. */
  details: JsonColumn<Record<string, unknown> | null> | null
  consents: JsonColumn<Record<string, unknown> | null> | null
  locale: string | null
  manage_token_hash: string
  created_at: ColumnType<Date, string | Date | undefined, string | Date>
  renewed_at: ColumnType<Date, string | Date | undefined, string | Date>
  erased_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>
  /** E-mail about the entry (migration 0025), as on registrations. */
  mail_status: ColumnType<MailStatus | null, MailStatus | null | undefined, MailStatus | null>
  mail_token: ColumnType<string | null, string | null | undefined, string | null>
  mail_manage_token: ColumnType<string | null, string | null | undefined, string | null>
}

export interface RegistrationsTable {
  id: string
  occurrence_id: string
  /** `date_cancelled`: the date itself was cancelled (migration 0009); the row stays for the record. */
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'date_cancelled' | 'requested' | 'declined'
  name: string | null
  organisation: string | null
  email: string | null
  /** Null where the event's district has no working groups (migration 0023). */
  working_group: ColumnType<string | null, string | null | undefined, string | null>
  consents: JsonColumn<Record<string, unknown> | null> | null
  locale: string | null
  event_ends_at: ColumnType<Date, string | Date, string | Date>
  manage_token_hash: string
  created_at: ColumnType<Date, string | Date | undefined, string | Date>
  cancelled_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>
  erased_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>
  /** Marked by a coordinator after the date; null until then. */
  attended: ColumnType<boolean | null, boolean | null | undefined, boolean | null>
  /** Mail about this registration (migration 0017): null without consent; `pending` until the address is confirmed. */
  mail_status: ColumnType<MailStatus | null, MailStatus | null | undefined, MailStatus | null>
  /** Secret of the confirm and unsubscribe links; null without mail. */
  mail_token: ColumnType<string | null, string | null | undefined, string | null>
  /** The manage token, kept only while mail is wanted, for the manage link in each mail. */
  mail_manage_token: ColumnType<string | null, string | null | undefined, string | null>
  /** When the reminder the day before was queued; cleared when the date moves. */
  reminded_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>
  /** SHA-256 of the client address that registered (migration 0023), for the limit per client and date; erased with the data. */
  client_hash: ColumnType<string | null, string | null | undefined, string | null>
  /** A guest (seed 004 § 1 (5)) is `requested` until a coordinator approves or declines. */
  attending_as: ColumnType<'participant' | 'guest', 'participant' | 'guest' | undefined, 'participant' | 'guest'>
  /** A guest's contribution to the agenda; erased with the data. */
  contribution: ColumnType<string | null, string | null | undefined, string | null>
}

/** A network's rules (Geschäftsordnung), one row per district and dated version (migration 0023). */
export interface NetworkRulesTable {
  district: string
  /** The date of the version, `YYYY-MM-DD` ("in der Fassung vom …"). */
  version: string
  title: string
  body: string
  published_at: ColumnType<Date, string | Date, string | Date>
  published_by: string
  seq: ColumnType<number, number | bigint, number | bigint>
}

export type MailStatus = 'pending' | 'confirmed' | 'stopped'

/** A mail to send (migration 0017); see server/mail. */
export interface MailQueueTable {
  id: string
  kind: string
  registration_id: string | null
  /** The tandem entry a mail is about (migration 0025). */
  tandem_id: ColumnType<string | null, string | null | undefined, string | null>
  /** The partner declaration a mail is about (migration 0026). */
  partner_request_id: ColumnType<string | null, string | null | undefined, string | null>
  /** Null once sent. */
  recipient: string | null
  /** SHA-256 of the address, for the per-address limit. */
  recipient_hash: string
  /** SHA-256 of the client address that asked for a confirmation request, for the per-client limit. */
  client_hash: string | null
  /** What the mail is to say, as of the change that queued it; null once sent. */
  data: ColumnType<MailData | null, string | null, string | null>
  status: 'queued' | 'sending' | 'sent' | 'failed'
  attempts: Generated<number>
  /** When it is due, or, while `sending`, when the claim runs out. */
  next_attempt_at: ColumnType<Date, string | Date, string | Date>
  last_error: string | null
  created_at: ColumnType<Date, string | Date, string | Date>
  sent_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>
}

/** What a queued mail is about; rendered in its language when it is sent (server/mail/mail-render.ts). */
export interface MailData {
  lang: string
  name: string
  /** Link secrets: confirm and unsubscribe (mail token), the manage page (manage token). Account mails have none. */
  mailToken?: string
  manageToken?: string
  /** A partner declaration's status token, for its status link (instead of a manage link). */
  statusToken?: string
  /** A decided partner declaration's outcome, said in the mail's language when it is rendered. */
  decision?: { status: 'applied' | 'rejected'; reason: string | null; note: string | null }
  /** The one link an account mail is about (set a password), with its secret; erased once sent. */
  link?: string
  /** Hours the link stays valid. */
  validHours?: number
  event?: { title: string; startsAt: string; endsAt: string; place: string }
  /** The date as a calendar file, as of the change. */
  ics?: { filename: string; content: string }
}

export interface RegistrationCountersTable {
  occurrence_id: string
  confirmed: Generated<number>
}

export interface IdempotencyKeysTable {
  key: string
  route: string
  request_hash: string
  status_code: number | null
  response: JsonColumn<unknown> | null
  created_at: ColumnType<Date, string | Date | undefined, string | Date>
}

export interface GuideStepsTable {
  id: string
  phase: 'planning' | 'first-steps' | 'settling-in'
  position: number
  contact_fields: string[]
  /** Null for a statewide step, a district slug for a district-only one. */
  district: string | null
  sources: JsonColumn<Array<{ url: string; label: string }>>
  /** `YYYY-MM-DD`. */
  checked_on: string | null
  /** False until first published: such a step exists only as a draft and is never synced. */
  published: Generated<boolean>
  /** Unpublished edit (src/shared/guide/content-editor.schema.ts `StepDraft`), never synced. */
  draft: ColumnType<unknown, string | null, string | null>
  /** Raised by every save; a save naming an older revision is refused. */
  revision: Generated<number>
  /** Whom the step is for (src/shared/guide/situations.ts); empty: everyone. */
  situations: ColumnType<string[], string[] | undefined, string[]>
  /** What the seed file last wrote (`SeededStep`, server/guide/guide-content.ts); null for steps people made. */
  seeded: ColumnType<unknown, string | null | undefined, string | null>
  seq: number
}

export interface GuideTextsTable {
  id: string
  step_id: string
  lang: string
  title: string
  text: string
  bring: JsonColumn<string[]>
  status: 'outdated' | 'machine' | 'reviewed'
  district: string | null
  seq: number
}

export interface GuideNotesTable {
  id: string
  step_id: string
  district: string
  text: JsonColumn<LocalizedText>
  /** Translation status per language but German (`outdated`, `machine`, `reviewed`). */
  status: ColumnType<Record<string, 'outdated' | 'machine' | 'reviewed'>, string | undefined, string>
  revision: Generated<number>
  seq: number
}

export interface ContactsTable {
  id: string
  name: string
  kind: JsonColumn<LocalizedText>
  fields: string[]
  district: string
  address: string | null
  opening_hours: ColumnType<LocalizedText | null, string | null, string | null>
  phone: string | null
  email: string | null
  website: string | null
  languages: string[]
  is_sample: Generated<boolean>
  revision: Generated<number>
  seq: number
}

export type CoordinatorRole = 'admin' | 'coordinator'

export interface CoordinatorsTable {
  id: string
  /** Lower case. */
  email: string
  /** `scrypt$<N>$<r>$<p>$<salt>$<hash>`, see server/coordination/auth/password.ts; null while an invitation is open. */
  password_hash: string | null
  role: CoordinatorRole
  /** District slugs a coordinator works for; admins work for all. */
  districts: string[]
  created_at: ColumnType<Date, string | Date | undefined, never>
  /** False once an admin deactivated the account: no login, no session. */
  active: Generated<boolean>
}

/** Single-use links to set a password: an invitation or a forgotten password. Only the hash is kept. */
export interface CoordinatorTokensTable {
  token_hash: string
  coordinator_id: string
  purpose: 'invite' | 'reset'
  created_at: ColumnType<Date, string | Date, never>
  expires_at: ColumnType<Date, string | Date, string | Date>
  used_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>
}

export interface CoordinatorSessionsTable {
  /** SHA-256 of the cookie's token; the token itself is never stored. */
  token_hash: string
  coordinator_id: string
  created_at: ColumnType<Date, string | Date | undefined, never>
  expires_at: ColumnType<Date, string | Date, string | Date>
}

export interface AuditLogTable {
  id: Generated<string>
  at: ColumnType<Date, string | Date | undefined, never>
  actor: string
  action: string
  entity: string
  entity_id: string
  district: string | null
  details: ColumnType<Record<string, unknown>, string | undefined, never>
}

/** `withdrawn`: a coordinator took a proposal back (migration 0007). */
export type MatchStatus = 'proposed' | 'active' | 'declined' | 'ended' | 'withdrawn'
export type MatchAnswer = 'accepted' | 'declined'

export interface TandemMatchesTable {
  id: string
  offer_id: string
  request_id: string
  district: string
  status: MatchStatus
  offer_answer: MatchAnswer | null
  request_answer: MatchAnswer | null
  proposed_by: string
  proposed_at: ColumnType<Date, string | Date | undefined, string | Date>
  changed_at: ColumnType<Date, string | Date | undefined, string | Date>
  /** Whether each side had agreed to pass on their contact when proposed (migration 0009); kept after erasure. */
  offer_share_consent: ColumnType<boolean | null, boolean | null | undefined, boolean | null>
  request_share_consent: ColumnType<boolean | null, boolean | null | undefined, boolean | null>
}

export interface PartnersTable {
  id: string
  organisation: string
  address: string
  district: string
  /** The contact person's function (not their name). */
  contact_function: string
  phone: string | null
  email: string
  working_groups: string[]
  /** Consent to be listed publicly (then also in the app's contacts directory). */
  public_listing: boolean
  created_at: ColumnType<Date, string | Date | undefined, string | Date>
  updated_at: ColumnType<Date, string | Date | undefined, string | Date>
  /** How the consent to the public listing was given (migration 0008); null when not listed. */
  listing_consent: ColumnType<PartnerListingConsent | null, string | null | undefined, string | null>
  /** The version of the network's rules the partner acknowledged (migration 0023). */
  rules_version: ColumnType<string | null, string | null | undefined, string | null>
}

export interface PartnerListingConsent {
  textVersion: string
  givenAt: string
  via: 'declaration' | 'coordinator'
}

export interface PartnerRequestsTable {
  id: string
  kind: 'entry' | 'change' | 'deletion'
  partner_id: string | null
  district: string
  details: JsonColumn<Record<string, unknown> | null> | null
  status: 'open' | 'applied' | 'rejected'
  submitted_at: ColumnType<Date, string | Date | undefined, string | Date>
  decided_at: ColumnType<Date | null, string | Date | null | undefined, string | Date | null>
  decided_by: string | null
  /** SHA-256 of the secret the declaring device keeps to read the outcome; null for older ones. */
  status_token_hash: ColumnType<string | null, string | null | undefined, string | null>
  reject_reason: ColumnType<string | null, string | null | undefined, string | null>
  reject_note: ColumnType<string | null, string | null | undefined, string | null>
  /** The version of the network's rules the declaration acknowledged (migration 0023). */
  rules_version: ColumnType<string | null, string | null | undefined, string | null>
  /** The language the declaration was sent in (migration 0026); kept after its details are erased. */
  locale: ColumnType<string | null, string | null | undefined, string | null>
  /** E-mail about the declaration (migration 0026), as on tandem entries; `mail_manage_token` is a copy of the status token. */
  mail_status: ColumnType<MailStatus | null, MailStatus | null | undefined, MailStatus | null>
  mail_token: ColumnType<string | null, string | null | undefined, string | null>
  mail_manage_token: ColumnType<string | null, string | null | undefined, string | null>
}

export interface PartnerAttendanceTable {
  partner_id: string
  occurrence_id: string
  /** Berlin calendar date of the meeting, `YYYY-MM-DD`. */
  attended_on: ColumnType<string, string, string>
}

export interface RateLimitWindowsTable {
  key: string
  started_at: Date
  count: number
}

export interface LoginAttemptsTable {
  id: Generated<string>
  address: string
  account: string
  at: Date
}

/** A newcomer's anonymous answer to "Did this help?" (server/feedback); no personal field. */
export interface FeedbackTable {
  id: Generated<number>
  subject: 'step' | 'meetup'
  subject_id: string
  /** The step's or meetup's district, or for a statewide step the one the phone chose; null if none. */
  district: string | null
  lang: string
  helped: boolean
  /** "What is missing?"; null when not written or erased after FEEDBACK_TEXT_MONTHS. */
  text: string | null
  /** Berlin calendar date, `YYYY-MM-DD`: the day only, no time. */
  submitted_on: string
  mark: 'done' | 'not_relevant' | null
}

export interface JobRunsTable {
  name: string
  ran_at: Date
}

export interface Database {
  meetups: MeetupsTable
  guide_steps: GuideStepsTable
  guide_texts: GuideTextsTable
  guide_notes: GuideNotesTable
  contacts: ContactsTable
  meetup_occurrences: MeetupOccurrencesTable
  tombstones: TombstonesTable
  sync_heads: SyncHeadsTable
  tandems: TandemsTable
  registrations: RegistrationsTable
  registration_counters: RegistrationCountersTable
  idempotency_keys: IdempotencyKeysTable
  coordinators: CoordinatorsTable
  coordinator_sessions: CoordinatorSessionsTable
  coordinator_tokens: CoordinatorTokensTable
  audit_log: AuditLogTable
  tandem_matches: TandemMatchesTable
  partners: PartnersTable
  partner_requests: PartnerRequestsTable
  partner_attendance: PartnerAttendanceTable
  rate_limit_windows: RateLimitWindowsTable
  login_attempts: LoginAttemptsTable
  job_runs: JobRunsTable
  mail_queue: MailQueueTable
  feedback: FeedbackTable
  network_rules: NetworkRulesTable
}
