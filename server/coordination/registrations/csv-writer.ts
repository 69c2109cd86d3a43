import { asciiSlug } from '../../../src/shared/ascii-slug.ts'

/**
 * CSV that opens right in Excel and LibreOffice: UTF-8 with a byte order mark (so Excel reads umlauts
 * and Arabic), CRLF line ends and RFC 4180 quoting, with `;` (German Excel) or `,` between fields.
 * Cells that a spreadsheet would run as a formula are neutralised with a leading apostrophe (OWASP).
 */

export const BOM = '\uFEFF'
export const CSV_SEPARATORS = { semicolon: ';', comma: ',' } as const
export type CsvSeparator = (typeof CSV_SEPARATORS)[keyof typeof CSV_SEPARATORS]

/** First characters a spreadsheet treats as the start of a formula (or that hide one). */
const FORMULA_START = /^[=+\-@\t\r]/

/** `=HYPERLINK(…)` → `'=HYPERLINK(…)`: shown as text, never evaluated. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

/** One field: neutralised, and quoted (quotes doubled) when it holds the separator, a quote or a line break. */
export function csvCell(value: string, separator: CsvSeparator): string {
  const safe = neutraliseFormula(value)
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** The whole file: BOM, then every row ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[], separator: CsvSeparator): string {
  return BOM + rows.map((row) => `${row.map((cell) => csvCell(cell, separator)).join(separator)}\r\n`).join('')
}

/** A file name in any script, without path separators, control or reserved characters. */
export function unicodeFileStem(text: string, maxLength = 80): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|;,]+/g, ' ')
      .trim()
      .replace(/[\s-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, maxLength)
  )
}

/**
 * `attachment` with an ASCII `filename` for every client and the name in the reader's language as
 * RFC 5987 `filename*` (RFC 6266), e.g. `anmeldungen-2026-12-03-Sprachcafe-Stendal.csv`.
 */
export function csvContentDisposition(parts: readonly string[]): string {
  const ascii = parts.map((p) => asciiSlug(p)).filter(Boolean).join('-') || 'registrations'
  const unicode = parts.map((p) => unicodeFileStem(p)).filter(Boolean).join('-') || ascii
  const encoded = encodeURIComponent(`${unicode}.csv`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}.csv"; filename*=UTF-8''${encoded}`
}
