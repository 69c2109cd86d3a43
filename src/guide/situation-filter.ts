import { stepIsFor, type Situation } from '../shared/guide/situations.ts'

/**
 * The steps for a person in `situation` (those for it and those for everyone) and the rest. Without
 * a situation every step is theirs, as before situations existed. Rows synced before steps had
 * situations lack the field: they count as for everyone.
 */
export function forSituation<S extends { situations?: readonly Situation[] }>(steps: readonly S[], situation: Situation | undefined): { mine: S[]; others: S[] } {
  if (!situation) return { mine: [...steps], others: [] }
  const mine: S[] = []
  const others: S[] = []
  for (const step of steps) (stepIsFor(step.situations, situation) ? mine : others).push(step)
  return { mine, others }
}
