/**
 * Whom a guide step is for. A newcomer may say which describes them (kept only on the phone); a step
 * lists the situations it applies to, and a step without any applies to everyone.
 * - `asylum`: asylum seeker, or refugee granted protection
 * - `ukraine`: person from Ukraine with temporary protection (§ 24 AufenthG)
 * - `eu`: citizen of the EU, the EEA or Switzerland (free movement, no residence permit)
 * - `visa`: skilled worker or student who came with a visa
 * - `family`: came to join family (family reunion)
 * Kept free of schema code: the settings store (start bundle) reads it.
 */
export const SITUATIONS = ['asylum', 'ukraine', 'eu', 'visa', 'family'] as const
export type Situation = (typeof SITUATIONS)[number]

export function isSituation(value: unknown): value is Situation {
  return (SITUATIONS as readonly unknown[]).includes(value)
}

/** Whether a step listing `situations` (none = everyone) is for a person in `situation`. */
export function stepIsFor(situations: readonly Situation[] | undefined, situation: Situation): boolean {
  return !situations?.length || situations.includes(situation)
}
