import { defineComponent, h, inject, provide, type Component, type InjectionKey } from 'vue'
import { useRouter } from './use-router.ts'

const DEPTH: InjectionKey<number> = Symbol('router view depth')

/** Shows the current route's view at this depth: the layout in the app's frame, the page inside a layout. */
export const RouterView = defineComponent({
  name: 'RouterView',
  setup(_props, { attrs }) {
    const router = useRouter()
    const depth = inject(DEPTH, 0)
    provide(DEPTH, depth + 1)
    return () => {
      const route = router.currentRoute.value
      const record = route.matched[depth]
      // Not loaded yet or nothing matched: nothing to show (the router loads a view before it navigates).
      if (!record?.component || typeof record.component === 'function') return null
      return h(record.component as Component, { ...attrs, ...(record.props ? route.params : {}) })
    }
  },
})
