/* global FontFace */
const fonts = import.meta.glob<{ fontFaces: () => FontFace[] }>('./fonts/*.ts')
const added = new Set<string>()

/**
 * Adds the web font a language needs where phones may lack one (`./fonts/<code>.ts`); nothing for the others.
 * The font stack in src/app/base.css names it after the system fonts.
 */
export async function loadLanguageFont(code: string): Promise<void> {
  const load = fonts[`./fonts/${code}.ts`]
  if (!load || added.has(code) || typeof document === 'undefined' || !('fonts' in document)) return
  added.add(code)
  try {
    for (const face of (await load()).fontFaces()) document.fonts.add(face)
  } catch {
    added.delete(code) // offline before the font was kept: the phone's own fonts until the next try
  }
}
