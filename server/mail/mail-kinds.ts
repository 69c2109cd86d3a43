/**
 * Every mail the app sends. The `confirm-…` kinds are the only ones sent before the address is confirmed
 * (double opt-in); the others go only to confirmed addresses that have not unsubscribed. The account
 * mails (`coordinator-invite`, `password-reset`) carry a link to set a password and nothing to unsubscribe from.
 */
export const MAIL_KINDS = [
  'confirm-address',
  'registration-confirmed',
  'registration-waitlisted',
  'moved-up',
  'date-cancelled',
  'date-moved',
  'reminder',
  'coordinator-invite',
  'password-reset',
  'confirm-tandem-address',
  'tandem-match-proposed',
  'tandem-match-accepted',
  'confirm-partner-address',
  'partner-request-received',
  'partner-request-decided',
] as const
export type MailKind = (typeof MAIL_KINDS)[number]
/** Mail about a registration once its address is confirmed. */
export type RegistrationMailKind = 'registration-confirmed' | 'registration-waitlisted' | 'moved-up' | 'date-cancelled' | 'date-moved' | 'reminder'
/** Requests to confirm an address: the only mail before the address is confirmed. */
export const CONFIRM_KINDS: ReadonlySet<MailKind> = new Set(['confirm-address', 'confirm-tandem-address', 'confirm-partner-address'])
