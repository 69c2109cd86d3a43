import { computed, defineComponent, h, type PropType } from 'vue'
import type { RouteLocationRaw, RouteParams } from './location.ts'
import { useRoute, useRouter } from './use-router.ts'

const sameParams = (a: RouteParams, b: RouteParams) => Object.keys(b).every((key) => String(a[key]) === String(b[key]))

/**
 * A link inside the app: a real `<a href>` (open in a new tab, copy, read by screen readers as a link) that
 * navigates without a page load on a plain click. `router-link-active` while its route is open (or a page
 * inside it), `router-link-exact-active` and `aria-current="page"` while exactly it is.
 */
export const RouterLink = defineComponent({
  name: 'RouterLink',
  props: {
    to: { type: [String, Object] as PropType<RouteLocationRaw>, required: true },
    replace: Boolean,
  },
  setup(props, { slots }) {
    const router = useRouter()
    const route = useRoute()
    const target = computed(() => router.resolve(props.to))
    const activeIndex = computed(() => {
      const leaf = target.value.matched.at(-1)
      const index = leaf ? route.matched.indexOf(leaf) : -1
      return index >= 0 && sameParams(route.params, target.value.params) ? index : -1
    })
    const exact = computed(() => activeIndex.value >= 0 && activeIndex.value === route.matched.length - 1)
    function navigate(event: MouseEvent): void {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return
      if ((event.currentTarget as HTMLElement | null)?.getAttribute('target') === '_blank') return
      event.preventDefault()
      const go = props.replace ? router.replace : router.push
      go(props.to).catch((error: unknown) => console.error('navigation failed', error))
    }
    return () =>
      h(
        'a',
        {
          href: target.value.href,
          class: { 'router-link-active': activeIndex.value >= 0, 'router-link-exact-active': exact.value },
          'aria-current': exact.value ? 'page' : undefined,
          onClick: navigate,
        },
        slots.default?.(),
      )
  },
})
