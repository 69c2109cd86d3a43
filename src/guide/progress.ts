import { GUIDE_PHASES, type GuidePhase, type GuideStep } from '../shared/guide/guide-step.schema.ts'

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
