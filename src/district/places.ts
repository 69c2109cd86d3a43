import type { Place } from './place-lookup.ts'

export interface PlaceData {
  /** Every municipality of the state, then villages people name as their home. */
  places: readonly Place[]
  /** Each district's biggest towns, for the way on when nothing was found. */
  biggestTowns: Readonly<Record<string, readonly string[]>>
}

let loading: Promise<PlaceData> | undefined

/** The place list is its own chunk (precached like every chunk), loaded when the district page opens. */
export function loadPlaces(): Promise<PlaceData> {
  loading ??= import('./places.json').then((data) => ({
    places: [...data.municipalities, ...data.villages],
    biggestTowns: data.biggestTowns as Record<string, string[]>,
  }))
  return loading
}
