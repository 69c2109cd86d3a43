/**
 * Every mail the app sends. `confirm-address` is the only one sent before the address is confirmed
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
] as const
export type MailKind = (typeof MAIL_KINDS)[number]
