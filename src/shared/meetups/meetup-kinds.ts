/** Kinds of meetup; the list may grow, so stored kinds are plain strings. Plain module: no schema library in the start screen. */
export const MEETUP_KINDS = ['welcome-table', 'language-cafe', 'network-meeting', 'info-event'] as const
export type MeetupKind = (typeof MEETUP_KINDS)[number]

export const AUDIENCES = ['newcomers', 'volunteers', 'partners'] as const
