import { describe, expect, it } from 'vitest'
import { parseSafeText, plainSafeText, sanitiseSafeText } from '../../../src/shared/guide/safe-text.ts'

describe('the safe text subset of guide texts', () => {
  it('knows paragraphs, lists, bold and https/tel links', () => {
    expect(parseSafeText('Erst **Termin**.\nDann hin.\n\n- [Amt](https://amt.example)\n- [Anrufen](tel:+4939310)')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Erst ' }, { kind: 'bold', text: 'Termin' }, { kind: 'text', text: '.\nDann hin.' }] },
      {
        kind: 'list',
        items: [[{ kind: 'link', text: 'Amt', href: 'https://amt.example' }], [{ kind: 'link', text: 'Anrufen', href: 'tel:+4939310' }]],
      },
    ])
  })

  it.each([
    ['[klick](javascript:alert(1))', 'klick)'],
    ['[klick](http://plain.example)', 'klick'],
    ['[klick](data:text/html,<script>alert(1)</script>)', 'klick</script>)'],
    ['[x](https://a.example/"onmouseover="alert(1))', 'x)'],
    ['[x](tel:javascript:1)', 'x'],
  ])('keeps only the label of an unsafe link: %s', (input, stored) => {
    const clean = sanitiseSafeText(input)
    expect(clean).toBe(stored)
    expect(parseSafeText(clean).flatMap((b) => (b.kind === 'paragraph' ? b.inlines : b.items.flat())).some((x) => x.kind === 'link')).toBe(false)
  })

  it('keeps markup as plain text (it is never rendered as HTML) and removes control and direction characters', () => {
    expect(sanitiseSafeText('<img src=x onerror=alert(1)>\u0000\u202E')).toBe('<img src=x onerror=alert(1)>')
    expect(parseSafeText('<script>alert(1)</script>')).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'text', text: '<script>alert(1)</script>' }] }])
  })

  it('knows glossary words and keeps them when stored; a glossary target that is not a word id stays a label', () => {
    expect(parseSafeText('Der [Bescheid](glossary:bescheid) kommt.')).toEqual([
      {
        kind: 'paragraph',
        inlines: [{ kind: 'text', text: 'Der ' }, { kind: 'term', text: 'Bescheid', term: 'bescheid' }, { kind: 'text', text: ' kommt.' }],
      },
    ])
    expect(sanitiseSafeText('- [Frist](glossary:frist)')).toBe('- [Frist](glossary:frist)')
    expect(sanitiseSafeText('[x](glossary:<b>) [y](glossary:Frist) [z](glossary:)')).toBe('x y z')
    expect(plainSafeText('Ein [Antrag](glossary:antrag).')).toBe('Ein Antrag.')
  })

  it('is stable: sanitising twice changes nothing', () => {
    const input = 'A **b** [c](https://c.example) [d](javascript:x)\n\n- e\n- **f**\n\n\n\ng'
    expect(sanitiseSafeText(sanitiseSafeText(input))).toBe(sanitiseSafeText(input))
    expect(plainSafeText(input)).toBe('A b c d\n\ne\nf\n\ng')
  })
})
