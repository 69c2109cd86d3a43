/**
 * Every mail the app sends. `confirm-address` is the only one sent before the address is confirmed
 * (double opt-in); the others go only to confirmed addresses that have not unsubscribed.
 */
export const MAIL_KINDS = [
  'confirm-address',
  'registration-confirmed',
  'registration-waitlisted',
  'moved-up',
  'date-cancelled',
  'date-moved',
  'reminder',
] as const
export type MailKind = (typeof MAIL_KINDS)[number]
