import type { WillkommenDb } from './db.ts'
import type { Situation } from '../shared/guide/situations.ts'

/** What the person chose on this phone. Only district and language leave it: as the scope of the sync. */
export interface Settings {
  locale?: string
  district?: string
  /** Also keep the neighbouring districts' dates and contacts on the phone. */
  nearbyDistricts?: boolean
  /** The guide phase the person last opened. */
  guidePhase?: string
  /** Which describes the person (optional; never sent): the guide shows their steps. */
  situation?: Situation | null
  /** The guide asked once which situation describes the person (answered or "not now"). */
  situationOffered?: boolean
  /** The "ready for offline use" notice was shown once (it is not shown again). */
  offlineReadyShown?: boolean
}

export async function saveSetting<K extends keyof Settings>(db: WillkommenDb, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value })
}
