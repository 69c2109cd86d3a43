import type { Plugin } from 'vite'

const VUE_I18N = /\/node_modules\/vue-i18n\/dist\/vue-i18n\.runtime\.mjs$/
// vue-i18n 11's helper: `key in Vue` makes the bundler keep the whole `vue` namespace, so every export of Vue
// (Transition, KeepAlive, Suspense, Teleport, hydration, custom elements …) ships, used or not
// (intlify/vue-i18n#2573). `currentInstance` is no export of Vue 3.5, so the helper always takes its second branch.
const PROBE = `const key = 'currentInstance';
    if (key in Vue) {
        return Vue[key];
    }
    else {
        return Vue.getCurrentInstance();
    }`

/**
 * Rewrites vue-i18n's `getCurrentInstance` to the plain call it makes with Vue 3.5, so Vue's unused parts are
 * left out of the start bundle a first visit waits for (62.0 → 47.5 KB brotli). Fails the build if vue-i18n's
 * code has changed, so a new version is looked at again rather than silently bundled whole.
 */
export function vueI18nTreeShaking(): Plugin {
  return {
    name: 'willkommen:vue-i18n-tree-shaking',
    enforce: 'pre',
    transform(code, id) {
      if (!VUE_I18N.test(id)) return undefined
      if (!code.includes(PROBE)) this.error(`vue-i18n's getCurrentInstance has changed: check ${import.meta.filename}`)
      return { code: code.replace(PROBE, 'return Vue.getCurrentInstance();'), map: null }
    },
  }
}
