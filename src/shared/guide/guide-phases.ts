// Kept apart from the schemas: the guide's views need the phases, not the schema library (11 KB on a slow link).

/** The three welcome phases, in the order a newcomer goes through them. */
export const GUIDE_PHASES = ['planning', 'first-steps', 'settling-in'] as const
export type GuidePhase = (typeof GUIDE_PHASES)[number]
