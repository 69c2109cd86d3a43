import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import { useSettingsStore } from '../app/settings.store.ts'
import type { GuidePhase } from '../shared/guide/guide-step.schema.ts'
import { joinGuide, readGuideRows, type GuideEntry, type GuideRows } from './guide-entry.ts'
import { currentPhase, isPhase, phaseProgress } from './progress.ts'
import { forSituation } from './situation-filter.ts'
import { useStorageStore } from '../pwa/storage.store.ts'

const PHASE_KEY = 'guidePhase'

/**
 * Guide steps with their texts and the chosen district's notes (synced), and the person's own
 * progress (only on this phone), from IndexedDB. With a situation chosen, the steps for it are
 * shown and the others hidden until "show all"; progress counts what is shown.
 */
export const useGuideStore = defineStore('guide', () => {
  const settings = useSettingsStore()
  const rows = useLiveQuery<GuideRows | undefined>(() => readGuideRows(db), undefined)
  const steps = computed(() => (rows.value ? joinGuide(rows.value, settings.district) : []))
  /** False until IndexedDB answered, so views do not flash "nothing here yet". */
  const loaded = computed(() => rows.value !== undefined)
  const doneIds = useLiveQuery(async () => new Set((await db.progress.toCollection().primaryKeys()) as string[]), new Set<string>())
  const savedPhase = useLiveQuery(async () => (await db.settings.get(PHASE_KEY))?.value, undefined as unknown)

  /** "Show all" after choosing a situation: also the steps for other situations (this visit only). */
  const showAll = ref(false)
  const split = computed(() => forSituation(steps.value, settings.situation))
  const shown = computed(() => (showAll.value ? [...split.value.mine, ...split.value.others] : split.value.mine))
  const progress = computed(() => phaseProgress(shown.value, doneIds.value))
  /** The phase last opened, or else the first one not yet complete. */
  const phase = computed<GuidePhase>(() => (isPhase(savedPhase.value) ? savedPhase.value : currentPhase(progress.value)))

  function stepById(id: string): GuideEntry | undefined {
    return steps.value.find((s) => s.id === id)
  }

  async function openPhase(p: GuidePhase): Promise<void> {
    await db.settings.put({ key: PHASE_KEY, value: p })
  }

  async function setDone(stepId: string, done: boolean): Promise<void> {
    if (done) await db.progress.put({ stepId, doneAt: new Date().toISOString() })
    else await db.progress.delete(stepId)
    if (done) void useStorageStore().keptSomething()
  }

  /** Forgets every tick and the current phase (after the person confirmed). */
  async function startOver(): Promise<void> {
    await db.transaction('rw', db.progress, db.settings, async () => {
      await db.progress.clear()
      await db.settings.delete(PHASE_KEY)
    })
  }

  return { steps, split, showAll, loaded, doneIds, progress, phase, stepById, openPhase, setDone, startOver }
})
