import { GUIDE_PHASES, type GuidePhase } from '../shared/guide/guide-phases.ts'
import type { GuideStep } from '../shared/guide/guide-step.schema.ts'

export interface PhaseProgress {
  phase: GuidePhase
  done: number
  total: number
}

/** The steps of one phase in reading order. */
export function stepsOfPhase<S extends Pick<GuideStep, 'phase' | 'order' | 'id'>>(steps: readonly S[], phase: GuidePhase): S[] {
  return steps.filter((s) => s.phase === phase).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
}

/** "5 of 12" for each phase. Ticks of steps no longer in the guide do not count. */
export function phaseProgress(steps: readonly Pick<GuideStep, 'phase' | 'id'>[], doneIds: ReadonlySet<string>): PhaseProgress[] {
  return GUIDE_PHASES.map((phase) => {
    const inPhase = steps.filter((s) => s.phase === phase)
    return { phase, done: inPhase.filter((s) => doneIds.has(s.id)).length, total: inPhase.length }
  })
}

/** The phase to continue with: the first one not yet complete (the last one once all are done). */
export function currentPhase(progress: readonly PhaseProgress[]): GuidePhase {
  return progress.find((p) => p.done < p.total)?.phase ?? GUIDE_PHASES[GUIDE_PHASES.length - 1]!
}

export function isPhase(value: unknown): value is GuidePhase {
  return (GUIDE_PHASES as readonly unknown[]).includes(value)
}

export type NextInGuide<S> = { step: S; phase?: undefined } | { phase: GuidePhase; step?: undefined }

/** What follows a step: the next one of its phase, else the next phase; nothing after the last step of the last phase. */
export function nextInGuide<S extends Pick<GuideStep, 'phase' | 'order' | 'id'>>(steps: readonly S[], id: string): NextInGuide<S> | undefined {
  const current = steps.find((s) => s.id === id)
  if (!current) return undefined
  const inPhase = stepsOfPhase(steps, current.phase)
  const step = inPhase[inPhase.indexOf(current) + 1]
  if (step) return { step }
  const phase = GUIDE_PHASES[GUIDE_PHASES.indexOf(current.phase) + 1]
  return phase ? { phase } : undefined
}
