// Kept apart from the schema: the feedback question on a step or meetup needs these, not the schema library.

/** What a newcomer can answer about: a guide step or a meetup (series). */
export const FEEDBACK_SUBJECTS = ['step', 'meetup'] as const
export type FeedbackSubject = (typeof FEEDBACK_SUBJECTS)[number]

/** "What is missing?" is a short note, not a letter. */
export const FEEDBACK_TEXT_MAX = 500
/** Free text is erased this many months after it was sent; the yes/no counts stay (README, ARCHITECTURE). */
export const FEEDBACK_TEXT_MONTHS = 12
