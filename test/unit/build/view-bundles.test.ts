import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { viewBundles } from '../../../scripts/view-bundles.ts'

const routerSource = readFileSync(resolve('src/app/router.ts'), 'utf8')
const newcomerViews = [...routerSource.matchAll(/import\('\.\.\/([\w/]+)\.vue'\)/g)].map((m) => m[1]!).filter((v) => !v.startsWith('coordination/'))

describe('view bundles', () => {
  it('puts every newcomer view of the router into exactly one bundle, so none falls back to a scatter of small files', () => {
    expect(newcomerViews.length).toBeGreaterThan(15)
    const groups = viewBundles()
    for (const view of newcomerViews) {
      const id = `/work/src/${view}.vue`
      expect(groups.filter((g) => g.test.test(id)).map((g) => g.name), view).toHaveLength(1)
    }
  })

  it('leaves the coordinator workspace and a view’s style block to the bundler', () => {
    const groups = viewBundles()
    expect(groups.some((g) => g.test.test('/work/src/coordination/LoginView.vue'))).toBe(false)
    expect(groups.some((g) => g.test.test('/work/src/meetups/MeetupsView.vue?vue&type=style&index=0&lang.css'))).toBe(false)
    expect(new Set(groups.map((g) => g.priority)).size).toBe(groups.length) // the order is explicit
  })

  it('puts the page pull of a first visit in the start screen’s bundle, not in a request of its own', () => {
    const groups = viewBundles()
    expect(groups.filter((g) => g.test.test('/work/src/sync/pull.ts')).map((g) => g.name)).toEqual(['meetups'])
    expect(groups.some((g) => g.test.test('/work/src/sync/pull-in-worker.ts'))).toBe(false)
  })
})
