/** A ticked guide step: kept on the phone only, so nothing about a newcomer's progress leaves it. */
export interface StepProgress {
  stepId: string
  /** When it was ticked, ISO 8601. */
  doneAt: string
}

/** `meetup` is a whole series (saved before dates could be); `date` is one date of a meetup. */
export const BOOKMARK_KINDS = ['step', 'contact', 'meetup', 'date'] as const
export type BookmarkKind = (typeof BOOKMARK_KINDS)[number]

/** Something the person saved to find again. */
export interface Bookmark {
  kind: BookmarkKind
  id: string
  /** ISO 8601. */
  savedAt: string
}
