/* global FontFace */
import ethiopic from '@fontsource/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff2?url'

/**
 * Tigrinya is written in Ethiopic script, which many cheap Android phones have no font for (boxes instead of
 * letters). Noto Sans Ethiopic (SIL Open Font License), only its Ethiopic subset and one weight (75 KB; bold is
 * synthesised): loaded only for Tigrinya, and kept offline with the language (scripts/newcomer-precache.ts).
 */
export const fontFaces = (): FontFace[] => [
  new FontFace('Noto Sans Ethiopic', `url(${ethiopic}) format('woff2')`, {
    weight: '400',
    unicodeRange: 'U+1200-139F, U+2D80-2DDF, U+AB00-AB2F',
    display: 'swap',
  }),
]
