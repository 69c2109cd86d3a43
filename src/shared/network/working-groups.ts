/**
 * Working groups are a feature of the networks that have them (seed 004: Magdeburg's integration
 * network has three, and cross-group meetings); other districts have none, so their forms and
 * filters show none. A network that founds groups is one line here.
 */

/** Magdeburg's working groups (seed 004, Geschäftsordnung § 4 (1)) and the cross-group meetings. */
export const WORKING_GROUPS = ['work-training', 'culture-social', 'language', 'cross-group'] as const
export type WorkingGroup = (typeof WORKING_GROUPS)[number]

const BY_DISTRICT: Readonly<Record<string, readonly WorkingGroup[]>> = { magdeburg: WORKING_GROUPS }

/** The working groups of a district's network; empty where it has none. */
export function workingGroupsOf(district: string | undefined): readonly WorkingGroup[] {
  return (district && BY_DISTRICT[district]) || []
}

/** Districts whose network has working groups. */
export const DISTRICTS_WITH_WORKING_GROUPS: readonly string[] = Object.keys(BY_DISTRICT)

/** Geschäftsordnung § 5 (2): each working group meets up to five times a year. */
export const WORKING_GROUP_MEETINGS_PER_YEAR = 5
