import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { asciiSlug } from '../../../src/shared/ascii-slug.ts'
import {
  BOM,
  csvCell,
  csvContentDisposition,
  neutraliseFormula,
  toCsv,
  unicodeFileStem,
} from '../../../server/coordination/registrations/csv-writer.ts'

const read = (text: string, delimiter: ';' | ',') => parse(text, { bom: true, delimiter, record_delimiter: '\r\n' }) as string[][]

describe('CSV writer', () => {
  const rows = [
    ['Name', 'Organisation', 'Notiz'],
    ['Jürgen Müßig', 'Verein; Süd, Nord', 'sagt "hallo"'],
    ['مريم الأحمد', 'Олена', 'erste Zeile\nzweite Zeile\r\ndritte'],
    ['=1+1', '+49 391', '-2'],
    ['@SUM(A1)', '\tversteckt', '\r=1'],
    ['', 'a=b', 'x-y'],
  ]

  it.each([';', ','] as const)('round-trips through an independent parser with "%s", neutralising formulas', (separator) => {
    const text = toCsv(rows, separator)
    expect(text.startsWith(BOM)).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(read(text, separator)).toEqual([
      ['Name', 'Organisation', 'Notiz'],
      ['Jürgen Müßig', 'Verein; Süd, Nord', 'sagt "hallo"'],
      ['مريم الأحمد', 'Олена', 'erste Zeile\nzweite Zeile\r\ndritte'],
      ["'=1+1", "'+49 391", "'-2"],
      ["'@SUM(A1)", "'\tversteckt", "'\r=1"],
      ['', 'a=b', 'x-y'],
    ])
  })

  it('quotes only what needs quoting, per RFC 4180', () => {
    expect(csvCell('plain', ';')).toBe('plain')
    expect(csvCell('a,b', ';')).toBe('a,b')
    expect(csvCell('a,b', ',')).toBe('"a,b"')
    expect(csvCell('a;b', ';')).toBe('"a;b"')
    expect(csvCell('say "hi"', ';')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines', ',')).toBe('"two\nlines"')
    expect(toCsv([['a', 'b'], ['c', 'd']], ';')).toBe('\uFEFFa;b\r\nc;d\r\n')
  })

  it('neutralises every formula start named by OWASP and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}x`)).toBe(`'${start}x`)
    for (const safe of ['x=1', ' =1', "'=1", '1-2', 'mail@example.org', '']) expect(neutraliseFormula(safe)).toBe(safe)
  })
})

describe('download names', () => {
  it('makes an ASCII name that is safe everywhere', () => {
    expect(asciiSlug('Sprachcafé Tangermünde (Beispiel)')).toBe('Sprachcafe-Tangermuende-Beispiel')
    expect(asciiSlug('Straße/../../etc/passwd')).toBe('Strasse-etc-passwd')
    expect(asciiSlug('مقهى اللغة')).toBe('')
    expect(asciiSlug('a'.repeat(100))).toHaveLength(60)
  })

  it('keeps the reader’s script in filename*, without separators or control characters', () => {
    expect(unicodeFileStem('مقهى "اللغة"/شتندال\r\n')).toBe('مقهى-اللغة-شتندال')
    const header = csvContentDisposition(['التسجيلات', '2026-12-03-1700', 'مقهى اللغة في شتندال'])
    expect(header).toMatch(/^attachment; filename="2026-12-03-1700\.csv"; filename\*=UTF-8''[A-Za-z0-9%._-]+$/)
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('التسجيلات-2026-12-03-1700-مقهى-اللغة-في-شتندال.csv')
    expect(csvContentDisposition(['anmeldungen', '2026-12-03-1700', 'Welcome Table "Stendal"; x'])).toBe(
      'attachment; filename="anmeldungen-2026-12-03-1700-Welcome-Table-Stendal-x.csv"; filename*=UTF-8\'\'anmeldungen-2026-12-03-1700-Welcome-Table-Stendal-x.csv',
    )
    expect(csvContentDisposition([''])).toBe('attachment; filename="registrations.csv"; filename*=UTF-8\'\'registrations.csv')
  })
})
