import type { GuidePhase } from '../shared/guide/guide-step.schema.ts'

/** Message key part of each phase (guide.phases.<key>.title). */
export const PHASE_KEYS: Record<GuidePhase, string> = {
  planning: 'planning',
  'first-steps': 'firstSteps',
  'settling-in': 'settlingIn',
}
