import { describe, expect, it } from 'vitest'
import { POINTS, interestWords, rankOffers, scoreOffer, type RankProfile } from '../../../src/shared/coordination/tandem-ranking.ts'
import { districtSteps, neighboursOf } from '../../../src/shared/coordination/tandem-districts.ts'
import { DISTRICT_SLUGS } from '../../../src/shared/districts.ts'

let n = 0
function profile(overrides: Partial<RankProfile> = {}): RankProfile {
  n++
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    kind: 'language',
    district: 'stendal',
    town: null,
    languages: [],
    availability: [],
    interests: null,
    travelKm: null,
    onlineOk: false,
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  }
}

const keys = (p: RankProfile, o: RankProfile) => scoreOffer(p, o).reasons.map((r) => r.key.replace('coordinationTandems.reasons.', ''))
const points = (p: RankProfile, o: RankProfile) => scoreOffer(p, o).score

describe('language', () => {
  const newcomer = profile({ languages: [{ code: 'ar', level: 'native' }, { code: 'de', level: 'basic' }] })

  it('a language tandem wants German from a native or fluent speaker; basic German is weak', () => {
    const native = profile({ languages: [{ code: 'de', level: 'native' }] })
    const fluent = profile({ languages: [{ code: 'de', level: 'fluent' }] })
    const basic = profile({ languages: [{ code: 'de', level: 'basic' }] })
    const none = profile({ languages: [{ code: 'en', level: 'native' }] })
    expect(points(newcomer, native)).toBeGreaterThan(points(newcomer, fluent))
    expect(points(newcomer, fluent)).toBeGreaterThan(points(newcomer, basic))
    expect(points(newcomer, basic)).toBeGreaterThan(points(newcomer, none))
    expect(scoreOffer(newcomer, native).reasons[0]).toEqual({ key: 'coordinationTandems.reasons.germanFromSpeaker', params: { level: 'native' }, points: POINTS.germanNative })
    expect(keys(newcomer, basic)).toContain('germanWeak')
    expect(keys(newcomer, none)).toContain('noGerman')
  })

  it('a volunteer learning the newcomer\'s language (basic) is an exchange; speaking it well is a bridge', () => {
    const learner = profile({ languages: [{ code: 'de', level: 'native' }, { code: 'ar', level: 'basic' }] })
    const speaker = profile({ languages: [{ code: 'de', level: 'native' }, { code: 'ar', level: 'fluent' }] })
    const neither = profile({ languages: [{ code: 'de', level: 'native' }] })
    expect(scoreOffer(newcomer, learner).reasons[1]).toEqual({ key: 'coordinationTandems.reasons.exchange', params: { language: 'ar' }, points: POINTS.exchange })
    expect(keys(newcomer, speaker)).toContain('bridge')
    expect(points(newcomer, learner)).toBeGreaterThan(points(newcomer, speaker))
    expect(points(newcomer, speaker)).toBeGreaterThan(points(newcomer, neither))
    // The newcomer's own basic German is not something the volunteer learns from them.
    const basicOnly = profile({ languages: [{ code: 'de', level: 'basic' }] })
    expect(keys(basicOnly, learner)).toEqual(['germanFromSpeaker', 'sameDistrict'])
  })

  it('other kinds need a shared language at a useful level: both well > one well > both only basic', () => {
    const req = (code: string, level: 'native' | 'fluent' | 'basic') => profile({ kind: 'sponsorship', languages: [{ code, level }] })
    const volunteer = (code: string, level: 'native' | 'fluent' | 'basic') => profile({ kind: 'sponsorship', languages: [{ code, level }] })
    const strong = scoreOffer(req('ru', 'native'), volunteer('ru', 'fluent'))
    const useful = scoreOffer(req('ru', 'basic'), volunteer('ru', 'native'))
    const weak = scoreOffer(req('ru', 'basic'), volunteer('ru', 'basic'))
    const none = scoreOffer(req('ru', 'native'), volunteer('en', 'native'))
    expect(strong.reasons[0]).toMatchObject({ key: 'coordinationTandems.reasons.sharedStrong', params: { language: 'ru' } })
    expect(useful.reasons[0]).toMatchObject({ key: 'coordinationTandems.reasons.sharedUseful', params: { language: 'ru', level: 'basic' } })
    expect(weak.reasons[0]).toMatchObject({ key: 'coordinationTandems.reasons.sharedWeak', points: POINTS.sharedWeak })
    expect(none.reasons[0]).toMatchObject({ key: 'coordinationTandems.reasons.noSharedLanguage', points: 0 })
    expect(strong.score).toBeGreaterThan(useful.score)
    expect(useful.score).toBeGreaterThan(weak.score)
    expect(weak.score).toBeGreaterThan(none.score)
  })

  it('of several shared languages the best counts once; equal ones pick the first code', () => {
    const request = profile({ kind: 'office', languages: [{ code: 'en', level: 'fluent' }, { code: 'de', level: 'fluent' }, { code: 'fr', level: 'basic' }] })
    const offer = profile({ kind: 'office', languages: [{ code: 'fr', level: 'native' }, { code: 'en', level: 'native' }, { code: 'de', level: 'native' }] })
    const language = scoreOffer(request, offer).reasons.filter((r) => r.key.includes('shared'))
    expect(language).toEqual([{ key: 'coordinationTandems.reasons.sharedStrong', params: { language: 'de' }, points: POINTS.sharedStrong }])
  })

  it('says nothing about languages when one side gave none (a request needs only a few fields)', () => {
    expect(keys(profile({ kind: 'sponsorship' }), profile({ kind: 'sponsorship', languages: [{ code: 'de', level: 'native' }] }))).toEqual(['sameDistrict'])
    expect(keys(newcomer, profile())).toEqual(['sameDistrict'])
  })
})

describe('place: district, travel distance, online', () => {
  it('same town > same district > a neighbouring district within reach > two districts away with 50 km > out of reach', () => {
    const request = profile({ district: 'stendal', town: 'Tangermünde' })
    const sameTown = profile({ district: 'stendal', town: 'tangermünde ' })
    const sameDistrict = profile({ district: 'stendal', town: 'Stendal' })
    const neighbour = profile({ district: 'boerde', travelKm: 15 })
    const second = profile({ district: 'magdeburg', travelKm: 50 })
    const far = profile({ district: 'magdeburg', travelKm: 30 })
    const ranking = rankOffers(request, [far, second, neighbour, sameDistrict, sameTown])
    expect(ranking.map((r) => r.offer.id)).toEqual([sameTown.id, sameDistrict.id, neighbour.id, second.id, far.id])
    expect(ranking.map((r) => r.reasons[0]!.key.replace('coordinationTandems.reasons.', ''))).toEqual([
      'sameTown',
      'sameDistrict',
      'neighbourDistrict',
      'secondDistrict',
      'otherDistrict',
    ])
    expect(ranking[0]!.reasons[0]!.params).toEqual({ town: 'tangermünde' })
    expect(ranking[2]!.reasons[0]!.params).toEqual({ district: 'boerde', km: 15 })
  })

  it('a neighbour only counts within travel distance, of either side; 5 km is not enough', () => {
    const request = profile({ district: 'stendal' })
    expect(keys(request, profile({ district: 'boerde', travelKm: 5 }))).toEqual(['otherDistrict'])
    expect(keys(request, profile({ district: 'boerde' }))).toEqual(['otherDistrict'])
    expect(keys(profile({ district: 'stendal', travelKm: 30 }), profile({ district: 'boerde' }))).toEqual(['neighbourDistrict'])
  })

  it('a volunteer who meets only in their own town ranks lower when the newcomer lives elsewhere in the district', () => {
    const request = profile({ town: 'Havelberg' })
    const localOnly = profile({ town: 'Stendal', travelKm: 0 })
    const travels = profile({ town: 'Stendal', travelKm: 15 })
    expect(keys(request, localOnly)).toEqual(['sameDistrictOtherTown'])
    expect(points(request, travels)).toBeGreaterThan(points(request, localOnly))
  })

  it('online counts when both are fine with it', () => {
    const far = profile({ district: 'halle' })
    expect(keys(profile({ onlineOk: true }), { ...far, onlineOk: true })).toEqual(['otherDistrict', 'online'])
    expect(keys(profile({ onlineOk: false }), { ...far, onlineOk: true })).toEqual(['otherDistrict'])
    expect(points(profile({ onlineOk: true }), { ...far, onlineOk: true })).toBe(POINTS.online)
  })

  it('knows which districts border each other, symmetrically, for every district', () => {
    for (const d of DISTRICT_SLUGS) {
      expect(neighboursOf(d).size, d).toBeGreaterThan(0)
      for (const n of neighboursOf(d)) expect(neighboursOf(n).has(d)).toBe(true)
      for (const other of DISTRICT_SLUGS) expect(districtSteps(d, other), `${d} → ${other}`).toBeLessThan(Infinity)
    }
    expect(districtSteps('stendal', 'stendal')).toBe(0)
    expect(districtSteps('stendal', 'boerde')).toBe(1)
    expect(districtSteps('stendal', 'magdeburg')).toBe(2)
    expect(districtSteps('halle', 'saalekreis')).toBe(1)
    expect(districtSteps('altmarkkreis-salzwedel', 'burgenlandkreis')).toBeGreaterThan(3)
    expect(districtSteps('stendal', 'atlantis')).toBe(Infinity)
  })
})

describe('availability and interests', () => {
  it('counts overlapping weekday × part-of-day slots; no overlap is a hint without points', () => {
    const request = profile({ availability: ['mon-morning', 'tue-evening', 'sat-morning', 'sun-afternoon'] })
    const three = profile({ availability: ['tue-evening', 'sat-morning', 'sun-afternoon', 'fri-evening'] })
    const one = profile({ availability: ['tue-evening'] })
    const none = profile({ availability: ['wed-morning'] })
    expect(scoreOffer(request, three).reasons.find((r) => r.key.endsWith('commonTimes'))).toEqual({
      key: 'coordinationTandems.reasons.commonTimes',
      params: { count: 3 },
      points: 3 * POINTS.perSlot,
    })
    expect(rankOffers(request, [none, one, three]).map((r) => r.offer.id)).toEqual([three.id, one.id, none.id])
    expect(keys(request, none)).toContain('noCommonTime')
    // Unknown times say nothing either way.
    expect(keys(request, profile())).toEqual(['sameDistrict'])
  })

  it('caps the slots that count, so times alone do not outweigh language', () => {
    const all = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((d) => [`${d}-morning`, `${d}-afternoon`, `${d}-evening`])
    const request = profile({ availability: all, languages: [{ code: 'uk', level: 'native' }] })
    const alwaysFree = profile({ availability: all, languages: [{ code: 'de', level: 'basic' }] })
    const german = profile({ availability: ['mon-morning'], languages: [{ code: 'de', level: 'native' }] })
    expect(scoreOffer(request, alwaysFree).reasons.find((r) => r.key.endsWith('commonTimes'))!.points).toBe(POINTS.maxSlots * POINTS.perSlot)
    expect(points(request, german)).toBeGreaterThan(points(request, alwaysFree))
  })

  it('finds shared interest words regardless of case and accents, ignoring short and common words', () => {
    expect([...interestWords('Kochen, Radfahren und gerne Fußball!').keys()]).toEqual(['kochen', 'radfahren', 'fussball'])
    const request = profile({ interests: 'Kochen, Fußball, Musik' })
    const offer = profile({ interests: 'fussball und kochen; Garten' })
    expect(scoreOffer(request, offer).reasons.find((r) => r.key.endsWith('interests'))).toEqual({
      key: 'coordinationTandems.reasons.interests',
      params: { words: 'Fußball, Kochen' },
      points: 2 * POINTS.perInterest,
    })
    expect(keys(profile({ interests: 'und oder gerne' }), profile({ interests: 'und oder gerne' }))).toEqual(['sameDistrict'])
  })
})

describe('kind and order', () => {
  it('puts offers of the requested kind first, whatever the score of the others', () => {
    const request = profile({ kind: 'sponsorship', languages: [{ code: 'ar', level: 'native' }] })
    const sameKindWeak = profile({ kind: 'sponsorship', district: 'halle' })
    const otherKindStrong = profile({ kind: 'language', languages: [{ code: 'ar', level: 'native' }], availability: [] })
    const ranked = rankOffers(request, [otherKindStrong, sameKindWeak])
    expect(ranked.map((r) => r.offer.id)).toEqual([sameKindWeak.id, otherKindStrong.id])
    expect(ranked[1]!.score).toBeGreaterThan(ranked[0]!.score)
    expect(ranked[1]!.reasons[0]).toEqual({ key: 'coordinationTandems.reasons.otherKind', params: { kind: 'language' }, points: 0 })
  })

  it('breaks ties deterministically: the offer waiting longest first, then by id; input order does not matter', () => {
    const request = profile()
    const older = profile({ createdAt: '2026-10-01T08:00:00.000Z' })
    const newerA = profile({ id: '00000000-0000-4000-8000-aaaaaaaaaaaa', createdAt: '2026-11-05T08:00:00.000Z' })
    const newerB = profile({ id: '00000000-0000-4000-8000-bbbbbbbbbbbb', createdAt: '2026-11-05T08:00:00.000Z' })
    const expected = [older.id, newerA.id, newerB.id]
    expect(rankOffers(request, [newerB, newerA, older]).map((r) => r.offer.id)).toEqual(expected)
    expect(rankOffers(request, [newerA, older, newerB]).map((r) => r.offer.id)).toEqual(expected)
    expect(new Set(rankOffers(request, [newerA, older, newerB]).map((r) => r.score)).size).toBe(1)
  })

  it('gives the same answer for the same input (pure) and an empty list for no offers', () => {
    const request = profile({ languages: [{ code: 'uk', level: 'native' }], availability: ['tue-evening'], interests: 'Musik' })
    const offers = [profile({ languages: [{ code: 'de', level: 'native' }], availability: ['tue-evening'] }), profile({ interests: 'Musik' })]
    expect(rankOffers(request, offers)).toEqual(rankOffers(request, [...offers].reverse()))
    expect(rankOffers(request, [])).toEqual([])
  })
})
