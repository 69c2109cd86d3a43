import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { build, type Plugin, type Rolldown } from 'vite'
import { describe, expect, it } from 'vitest'
import { vueI18nTreeShaking } from '../../../scripts/vue-i18n-tree-shaking.ts'

const RUNTIME = resolve('node_modules/vue-i18n/dist/vue-i18n.runtime.mjs')

// The smallest app with both: Vue's KeepAlive is used nowhere in it.
const entry: Plugin = {
  name: 'entry',
  resolveId: (id) => (id === 'entry' ? '\0entry' : undefined),
  load: (id) =>
    id === '\0entry'
      ? `import { createApp, h } from 'vue'; import { createI18n } from 'vue-i18n'
         createApp({ render: () => h('p') }).use(createI18n({ legacy: false, locale: 'de' })).mount('#app')`
      : undefined,
}

/** The app bundled by Vite as the build does (unminified, so Vue's own code can be looked for). */
async function bundled(plugins: Plugin[]): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [entry, ...plugins],
    resolve: { alias: { 'vue-i18n': RUNTIME } },
    build: { write: false, minify: false, rolldownOptions: { input: 'entry' } },
  })) as Rolldown.RolldownOutput
  return output.output.map((file) => (file.type === 'chunk' ? file.code : '')).join('\n')
}

describe("vue-i18n's getCurrentInstance without the `in` probe", () => {
  it('rewrites the installed vue-i18n to the plain call', () => {
    const plugin = vueI18nTreeShaking() as { transform: (this: unknown, code: string, id: string) => { code: string } | undefined }
    const source = readFileSync(RUNTIME, 'utf8')
    expect(source).toContain('if (key in Vue)')
    const out = plugin.transform.call({ error: (message: string) => { throw new Error(message) } }, source, RUNTIME)!
    expect(out.code).not.toContain('key in Vue')
    expect(out.code).toContain('return Vue.getCurrentInstance();')
    expect(plugin.transform.call({}, source, '/work/src/main.ts')).toBeUndefined()
  })

  it('fails the build when vue-i18n has changed, rather than bundling all of Vue again unnoticed', () => {
    const plugin = vueI18nTreeShaking() as { transform: (this: unknown, code: string, id: string) => unknown }
    const context = { error: (message: string) => { throw new Error(message) } }
    expect(() => plugin.transform.call(context, 'export const changed = 1', RUNTIME)).toThrow(/getCurrentInstance has changed/)
  })

  it('leaves the parts of Vue an app does not use out of the bundle', async () => {
    // KeepAlive's and Teleport's own definitions: the probe keeps all of Vue.
    const whole = await bundled([])
    expect(whole).toContain('__isKeepAlive: true')
    expect(whole).toContain('__isTeleport: true')
    const shaken = await bundled([vueI18nTreeShaking()])
    expect(shaken).not.toContain('__isKeepAlive: true')
    expect(shaken).not.toContain('__isTeleport: true')
    expect(shaken).toContain('createI18n')
  }, 60_000)
})
