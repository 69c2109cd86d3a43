import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../server/sync/canonical-json.ts'

describe('canonicalJson (one algorithm for guide content and idempotency hashes)', () => {
  it('sorts object keys at every level and keeps array order', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }
    const b = { a: { c: null, d: [3, { y: 2, z: 1 }] }, b: 1 }
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}')
    expect(canonicalJson(b)).toBe(canonicalJson(a))
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
  })

  it('writes what JSON.stringify writes for JSON values (hashes stored before the merge stay valid)', () => {
    const body = { name: 'Ä "x"\n', n: 1.5, ok: true, list: [] as unknown[], nested: { k: 'v' } }
    expect(JSON.parse(canonicalJson(body))).toEqual(body)
    expect(canonicalJson('ä')).toBe(JSON.stringify('ä'))
    expect(canonicalJson(null)).toBe('null')
  })
})
