/**
 * The parts of a view to read aloud, in reading order: the elements marked `data-read`, each split into its
 * headings, paragraphs and list items where it has them (a block is read, marked and scrolled to as a whole).
 */
export function readableBlocks(root: ParentNode): HTMLElement[] {
  const blocks: HTMLElement[] = []
  for (const part of root.querySelectorAll<HTMLElement>('[data-read]')) {
    const inner = part.querySelectorAll<HTMLElement>('h1, h2, h3, p, li')
    blocks.push(...(inner.length > 0 ? inner : [part]))
  }
  return blocks
}

/** The language a block is written in: its own `lang` or its nearest ancestor's. */
export function blockLanguage(element: Element, fallback: string): string {
  return element.closest('[lang]')?.getAttribute('lang') || fallback
}
