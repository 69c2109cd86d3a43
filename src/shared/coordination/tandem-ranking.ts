import { foldText } from '../fold-text.ts'
import { districtSteps } from './tandem-districts.ts'

/**
 * Ranks open tandem offers (volunteers) for one request (a newcomer). Pure and deterministic: the
 * same entries always give the same order, on the server and in tests.
 *
 * Order: offers of the same kind first; then by score (the sum of the reasons' points); then the
 * offer that has waited longest; then by id. Every reason is a message key with parameters, so the
 * coordinator's phone says it in its language: `language` parameters are language codes, `level`
 * a level (native/fluent/basic), `district` a district slug, `kind` a tandem kind.
 */

export type LanguageLevel = 'native' | 'fluent' | 'basic'

export interface RankLanguage {
  code: string
  level: LanguageLevel
}

/** What the ranking reads of an entry (the coordinator's entry DTO fits). */
export interface RankProfile {
  id: string
  kind: string
  district: string
  town?: string | null
  languages: readonly RankLanguage[]
  /** Slots such as `tue-evening`. */
  availability: readonly string[]
  /** Free text; words of four letters or more are compared. */
  interests?: string | null
  /** How far the person can travel; 0 = only in their own town. */
  travelKm?: number | null
  onlineOk?: boolean | null
  /** ISO instant; the longer an offer has waited, the earlier it comes among equals. */
  createdAt: string
}

export interface MatchReason {
  /** A message key (locales/coordination/tandems.*.json). */
  key: string
  params: Record<string, string | number>
  /** What this reason adds to the score; 0 for a plain hint (e.g. no common time). */
  points: number
}

export interface RankedOffer<T extends RankProfile = RankProfile> {
  offer: T
  sameKind: boolean
  score: number
  reasons: MatchReason[]
}

export const POINTS = {
  /** Language tandem: the volunteer speaks German as mother tongue / fluently / only a little. */
  germanNative: 40,
  germanFluent: 35,
  germanBasic: 5,
  /** Language tandem: the volunteer is learning (basic) a language the newcomer speaks well. */
  exchange: 15,
  /** Language tandem: both speak another language well, to explain things in. */
  bridge: 10,
  /** Other kinds: the best language both speak: both well / one well and one a little / both a little. */
  sharedStrong: 40,
  sharedUseful: 25,
  sharedWeak: 5,
  sameTown: 30,
  sameDistrict: 25,
  /** Same district, but the volunteer meets only in their own town, which is another one. */
  sameDistrictOtherTown: 10,
  /** A neighbouring district within travel distance (15 km or more). */
  neighbourDistrict: 15,
  /** Two districts away, within 50 km of travel. */
  secondDistrict: 8,
  online: 10,
  /** Per common availability slot, counted up to `maxSlots`. */
  perSlot: 6,
  maxSlots: 5,
  /** Per common interest word, counted up to `maxInterests`. */
  perInterest: 5,
  maxInterests: 3,
} as const

const K = 'coordinationTandems.reasons.'
const RANK: Record<LanguageLevel, number> = { basic: 1, fluent: 2, native: 3 }
const reason = (key: string, points: number, params: Record<string, string | number> = {}): MatchReason => ({ key: K + key, params, points })
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function levels(profile: RankProfile): Map<string, number> {
  const out = new Map<string, number>()
  for (const l of profile.languages) out.set(l.code, Math.max(out.get(l.code) ?? 0, RANK[l.level] ?? 0))
  return out
}

const levelName = (rank: number): LanguageLevel => (rank >= 3 ? 'native' : rank === 2 ? 'fluent' : 'basic')

/** Of several candidates, the one with most points; among equal points the first language code. */
function best(candidates: MatchReason[]): MatchReason | undefined {
  return [...candidates].sort((a, b) => b.points - a.points || byCode(String(a.params.language), String(b.params.language)))[0]
}

function languageTandemReasons(request: Map<string, number>, offer: Map<string, number>): MatchReason[] {
  const out: MatchReason[] = []
  if (offer.size === 0) return out
  const german = offer.get('de') ?? 0
  if (german === 3) out.push(reason('germanFromSpeaker', POINTS.germanNative, { level: 'native' }))
  else if (german === 2) out.push(reason('germanFromSpeaker', POINTS.germanFluent, { level: 'fluent' }))
  else if (german === 1) out.push(reason('germanWeak', POINTS.germanBasic, { level: 'basic' }))
  else out.push(reason('noGerman', 0))
  // The other way round: what the volunteer may learn from the newcomer, or a language to explain in.
  const other: MatchReason[] = []
  for (const [code, mine] of request) {
    if (code === 'de' || mine < 2) continue
    const theirs = offer.get(code) ?? 0
    if (theirs === 1) other.push(reason('exchange', POINTS.exchange, { language: code }))
    else if (theirs >= 2) other.push(reason('bridge', POINTS.bridge, { language: code }))
  }
  const chosen = best(other)
  if (chosen) out.push(chosen)
  return out
}

function sharedLanguageReasons(request: Map<string, number>, offer: Map<string, number>): MatchReason[] {
  if (request.size === 0 || offer.size === 0) return []
  const shared: MatchReason[] = []
  for (const [code, mine] of request) {
    const theirs = offer.get(code)
    if (!theirs) continue
    const low = Math.min(mine, theirs)
    const high = Math.max(mine, theirs)
    if (low >= 2) shared.push(reason('sharedStrong', POINTS.sharedStrong, { language: code }))
    else if (high >= 2) shared.push(reason('sharedUseful', POINTS.sharedUseful, { language: code, level: levelName(low) }))
    else shared.push(reason('sharedWeak', POINTS.sharedWeak, { language: code }))
  }
  const chosen = best(shared)
  return [chosen ?? reason('noSharedLanguage', 0)]
}

const sameTown = (a?: string | null, b?: string | null) => Boolean(a && b && foldText(a.trim()) === foldText(b.trim()))

function placeReasons(request: RankProfile, offer: RankProfile): MatchReason[] {
  const out: MatchReason[] = []
  if (request.district === offer.district) {
    if (sameTown(request.town, offer.town)) out.push(reason('sameTown', POINTS.sameTown, { town: offer.town!.trim() }))
    else if (offer.travelKm === 0 && request.town && offer.town) out.push(reason('sameDistrictOtherTown', POINTS.sameDistrictOtherTown, { district: offer.district }))
    else out.push(reason('sameDistrict', POINTS.sameDistrict, { district: offer.district }))
  } else {
    const steps = districtSteps(request.district, offer.district)
    const km = Math.max(offer.travelKm ?? 0, request.travelKm ?? 0)
    if (steps === 1 && km >= 15) out.push(reason('neighbourDistrict', POINTS.neighbourDistrict, { district: offer.district, km }))
    else if (steps === 2 && km >= 50) out.push(reason('secondDistrict', POINTS.secondDistrict, { district: offer.district, km }))
    else out.push(reason('otherDistrict', 0, { district: offer.district }))
  }
  if (request.onlineOk && offer.onlineOk) out.push(reason('online', POINTS.online))
  return out
}

function availabilityReasons(request: RankProfile, offer: RankProfile): MatchReason[] {
  if (request.availability.length === 0 || offer.availability.length === 0) return []
  const theirs = new Set(offer.availability)
  const count = new Set(request.availability.filter((slot) => theirs.has(slot))).size
  if (count === 0) return [reason('noCommonTime', 0)]
  return [reason('commonTimes', Math.min(count, POINTS.maxSlots) * POINTS.perSlot, { count })]
}

// Words too common to say anything about shared interests (German and English).
const STOP_WORDS = new Set(
  ['aber', 'alles', 'andere', 'anderen', 'auch', 'etwas', 'gern', 'gerne', 'mein', 'meine', 'mich', 'oder', 'sehr', 'sowie', 'viel', 'viele', 'with', 'like', 'also', 'that', 'this', 'love', 'things'].map(foldText),
)

/** Words of an interests text: folded (Kochen = kochen, Städte = stadte), four letters or more, first spelling kept. */
export function interestWords(text?: string | null): Map<string, string> {
  const out = new Map<string, string>()
  for (const word of (text ?? '').split(/[^\p{L}\p{N}]+/u)) {
    const folded = foldText(word)
    if ([...folded].length < 4 || STOP_WORDS.has(folded) || out.has(folded)) continue
    out.set(folded, word)
  }
  return out
}

function interestReasons(request: RankProfile, offer: RankProfile): MatchReason[] {
  const theirs = interestWords(offer.interests)
  const shared = [...interestWords(request.interests)].filter(([folded]) => theirs.has(folded)).sort(([a], [b]) => byCode(a, b))
  if (shared.length === 0) return []
  return [reason('interests', Math.min(shared.length, POINTS.maxInterests) * POINTS.perInterest, { words: shared.map(([, word]) => word).join(', ') })]
}

/** Score and reasons of one offer for one request. */
export function scoreOffer<T extends RankProfile>(request: RankProfile, offer: T): RankedOffer<T> {
  const sameKind = request.kind === offer.kind
  const mine = levels(request)
  const theirs = levels(offer)
  const reasons = [
    ...(sameKind ? [] : [reason('otherKind', 0, { kind: offer.kind })]),
    ...(request.kind === 'language' ? languageTandemReasons(mine, theirs) : sharedLanguageReasons(mine, theirs)),
    ...placeReasons(request, offer),
    ...availabilityReasons(request, offer),
    ...interestReasons(request, offer),
  ]
  return { offer, sameKind, score: reasons.reduce((sum, r) => sum + r.points, 0), reasons }
}

/** Every offer with its score, best first (same kind, score, longest waiting, id). */
export function rankOffers<T extends RankProfile>(request: RankProfile, offers: readonly T[]): RankedOffer<T>[] {
  return offers
    .map((offer) => scoreOffer(request, offer))
    .sort(
      (a, b) =>
        Number(b.sameKind) - Number(a.sameKind) ||
        b.score - a.score ||
        byCode(a.offer.createdAt, b.offer.createdAt) ||
        byCode(a.offer.id, b.offer.id),
    )
}
