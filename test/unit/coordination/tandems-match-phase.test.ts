import { describe, expect, it } from 'vitest'
import { matchPhase } from '../../../src/volunteering/signup-status.ts'

describe('where a tandem match stands for the person ("My sign-ups")', () => {
  it('asks for an answer until the person said yes, then waits for the other side', () => {
    expect(matchPhase({ status: 'proposed', myAnswer: null })).toBe('answer')
    expect(matchPhase({ status: 'proposed', myAnswer: 'accepted' })).toBe('waiting')
  })

  it('tells apart who declined', () => {
    expect(matchPhase({ status: 'declined', myAnswer: 'declined' })).toBe('youDeclined')
    expect(matchPhase({ status: 'declined', myAnswer: 'accepted' })).toBe('partnerDeclined')
    expect(matchPhase({ status: 'declined', myAnswer: null })).toBe('partnerDeclined')
  })

  it('passes the other states through', () => {
    expect(matchPhase({ status: 'active', myAnswer: 'accepted' })).toBe('active')
    expect(matchPhase({ status: 'ended', myAnswer: 'accepted' })).toBe('ended')
    expect(matchPhase({ status: 'withdrawn', myAnswer: null })).toBe('withdrawn')
  })
})
