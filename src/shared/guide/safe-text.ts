/**
 * The formatting subset of guide texts and local notes, and nothing else:
 * - paragraphs, separated by an empty line (a single line break stays a line break);
 * - lists: consecutive lines that start with "- ";
 * - bold: `**words**`;
 * - links: `[label](https://…)` or `[label](tel:+49…)`; any other target is kept as its label only;
 * - glossary words: `[label](glossary:<term id>)`, an official word the phone explains on a tap
 *   (the terms are src/guide/glossary.json).
 * Texts are parsed into this small tree and rendered as elements (never as HTML), so markup such as
 * `<script>` is just text. The server stores `sanitiseSafeText(input)`: the text re-written from its tree.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'term'; text: string; term: string }
export type Block = { kind: 'paragraph'; inlines: Inline[] } | { kind: 'list'; items: Inline[][] }

const MAX_LENGTH = 8000
const LINK = /\[([^\]\n]{1,200})\]\(([^)\s]{1,500})\)/y
const BOLD = /\*\*([^*\n]{1,500})\*\*/y
const TERM = /^glossary:([a-z0-9][a-z0-9-]{0,59})$/

/** https links and tel: numbers only. */
export function isSafeHref(href: string): boolean {
  if (/^tel:\+?[0-9 ()/-]{3,30}$/.test(href)) return true
  try {
    const url = new URL(href)
    return url.protocol === 'https:' && url.hostname.length > 0 && !/[<>"'`\s]/.test(href)
  } catch {
    return false
  }
}

function parseInlines(line: string): Inline[] {
  const out: Inline[] = []
  let plain = ''
  let i = 0
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain })
    plain = ''
  }
  while (i < line.length) {
    LINK.lastIndex = i
    BOLD.lastIndex = i
    const link = line[i] === '[' ? LINK.exec(line) : null
    const bold = line[i] === '*' ? BOLD.exec(line) : null
    if (link) {
      flush()
      const [whole, label, href] = link as unknown as [string, string, string]
      const term = TERM.exec(href)?.[1]
      out.push(
        term ? { kind: 'term', text: label, term } : isSafeHref(href) ? { kind: 'link', text: label, href } : { kind: 'text', text: label },
      )
      i += whole.length
    } else if (bold) {
      flush()
      out.push({ kind: 'bold', text: bold[1]! })
      i += bold[0].length
    } else {
      plain += line[i]
      i++
    }
  }
  flush()
  // Neighbouring plain runs (from a dropped link) become one.
  return out.reduce<Inline[]>((acc, x) => {
    const last = acc[acc.length - 1]
    if (last?.kind === 'text' && x.kind === 'text') last.text += x.text
    else acc.push({ ...x })
    return acc
  }, [])
}

/** Removes control characters (keeps line breaks and tabs as spaces) and unifies line endings. */
function cleanChars(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex -- exactly the control characters are removed
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .slice(0, MAX_LENGTH)
}

export function parseSafeText(input: string): Block[] {
  const blocks: Block[] = []
  for (const chunk of cleanChars(input).split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '')
    let paragraph: string[] = []
    let list: Inline[][] = []
    const flushParagraph = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', inlines: parseInlines(paragraph.join('\n').trim()) })
      paragraph = []
    }
    const flushList = () => {
      if (list.length) blocks.push({ kind: 'list', items: list })
      list = []
    }
    for (const line of lines) {
      const item = /^\s*- (.*)$/.exec(line)
      if (item) {
        flushParagraph()
        list.push(parseInlines(item[1]!.trim()))
      } else {
        flushList()
        paragraph.push(line)
      }
    }
    flushParagraph()
    flushList()
  }
  return blocks
}

function writeInlines(inlines: readonly Inline[]): string {
  return inlines
    .map((x) =>
      x.kind === 'bold' ? `**${x.text}**` : x.kind === 'link' ? `[${x.text}](${x.href})` : x.kind === 'term' ? `[${x.text}](glossary:${x.term})` : x.text,
    )
    .join('')
}

export function writeSafeText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.kind === 'paragraph' ? writeInlines(b.inlines) : b.items.map((item) => `- ${writeInlines(item)}`).join('\n')))
    .join('\n\n')
}

/** What the server stores: the text re-written from its tree (unsafe links become their label). */
export function sanitiseSafeText(input: string): string {
  return writeSafeText(parseSafeText(input))
}

/** A one-line plain form (search index, titles, export previews). */
export function plainSafeText(input: string): string {
  return parseSafeText(input)
    .map((b) => (b.kind === 'paragraph' ? [b.inlines] : b.items).map((inl) => inl.map((x) => x.text).join('')).join('\n'))
    .join('\n\n')
}

/**
 * The text with its glossary words as plain words: a change that only adds or removes glossary links
 * leaves what a translation says unchanged (server/guide/guide-release.ts does not mark it outdated).
 */
export function withoutGlossaryLinks(input: string): string {
  const plain = (inlines: Inline[]): Inline[] => inlines.map((x) => (x.kind === 'term' ? { kind: 'text', text: x.text } : x))
  return writeSafeText(parseSafeText(input).map((b) => (b.kind === 'paragraph' ? { kind: 'paragraph', inlines: plain(b.inlines) } : { kind: 'list', items: b.items.map(plain) })))
}
