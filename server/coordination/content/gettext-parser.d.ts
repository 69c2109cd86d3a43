/** The part of gettext-parser (no bundled types) that the translation export/import uses. */
declare module 'gettext-parser' {
  export interface PoTranslation {
    msgctxt?: string
    msgid: string
    msgid_plural?: string
    msgstr: string[]
    comments?: { translator?: string; extracted?: string; reference?: string; flag?: string; previous?: string }
  }
  export interface PoData {
    charset: string
    headers: Record<string, string>
    translations: Record<string, Record<string, PoTranslation>>
  }
  export const po: {
    parse(input: string | Buffer, options?: { defaultCharset?: string; validation?: boolean }): PoData
    compile(data: PoData, options?: { foldLength?: number; sort?: boolean }): Buffer
  }
}
