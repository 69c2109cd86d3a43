/** A ticked guide step: kept on the phone only, so nothing about a newcomer's progress leaves it. */
export interface StepProgress {
  stepId: string
  /** When it was ticked, ISO 8601. */
  doneAt: string
}

export const BOOKMARK_KINDS = ['step', 'contact', 'meetup'] as const
export type BookmarkKind = (typeof BOOKMARK_KINDS)[number]

/** Something the person saved to find again. */
export interface Bookmark {
  kind: BookmarkKind
  id: string
  /** ISO 8601. */
  savedAt: string
}
