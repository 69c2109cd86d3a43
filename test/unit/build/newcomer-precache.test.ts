import { describe, expect, it } from 'vitest'
import { newcomerFiles, notNeededOffline } from '../../../scripts/newcomer-precache.ts'

// A small Vite build manifest of the shape `.vite/manifest.json` has.
const manifest = {
  'index.html': { file: 'assets/index-a.js', css: ['assets/index-a.css'], isEntry: true, dynamicImports: ['src/guide/GuideView.vue', 'locales/ar.json?part=start', 'locales/ar.json?part=later', '../node_modules/@orama/stemmers/dist/ar.js', '../node_modules/@orama/stemmers/dist/de.js', 'src/coordination/CoordinationLayout.vue', 'src/coordination/coordination-guard.ts'] },
  'src/guide/GuideView.vue': { file: 'assets/GuideView-b.js', imports: ['_shared-c.js'] },
  '_shared-c.js': { file: 'assets/shared-c.js' },
  'locales/ar.json?part=start': { file: 'assets/ar-d.js' },
  'locales/ar.json?part=later': { file: 'assets/ar-l.js' },
  '../node_modules/@orama/stemmers/dist/ar.js': { file: 'assets/ar-s.js' },
  '../node_modules/@orama/stemmers/dist/de.js': { file: 'assets/de-s.js' },
  'src/coordination/CoordinationLayout.vue': { file: 'assets/CoordinationLayout-e.js', css: ['assets/CoordinationLayout-e.css'], imports: ['_shared-c.js', '_coordination-api-f.js'] },
  'src/coordination/coordination-guard.ts': { file: 'assets/coordination-guard-g.js', dynamicImports: ['locales/coordination/common.ar.json'] },
  '_coordination-api-f.js': { file: 'assets/coordination-api-f.js' },
  'locales/coordination/common.ar.json': { file: 'assets/common.ar-h.js' },
}

describe('the newcomer precache', () => {
  it('keeps what the app entry reaches and leaves out the coordinator workspace and what only it uses', () => {
    const { files } = newcomerFiles(manifest)
    expect([...files].sort()).toEqual(['assets/GuideView-b.js', 'assets/ar-d.js', 'assets/ar-l.js', 'assets/ar-s.js', 'assets/de-s.js', 'assets/index-a.css', 'assets/index-a.js', 'assets/shared-c.js'])
  })

  it('names each chunk of one language with its code (both parts of its texts), except German (always kept)', () => {
    expect(newcomerFiles(manifest).languages).toEqual(new Map([['assets/ar-d.js', 'ar'], ['assets/ar-l.js', 'ar'], ['assets/ar-s.js', 'ar']]))
  })

  it('leaves out what a phone never asks for offline: the inline start style, the sync worker, the mail pages\' style', () => {
    for (const url of ['assets/index-Ab1_-x.css', 'assets/sync.worker-4LaF4i1R.js', 'mail-page.css']) expect(notNeededOffline(url), url).toBe(true)
    for (const url of ['assets/index-a.js', 'assets/GuideView-b.js', 'index.html', 'sw.js', 'icons/icon-192.png']) expect(notNeededOffline(url), url).toBe(false)
  })
})
