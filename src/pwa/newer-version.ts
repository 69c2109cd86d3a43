import { onScopeDispose, ref, type Ref } from 'vue'
import { onNewerVersion } from '../db/version-change.ts'

/** True once another tab opened a newer version of the database and this tab closed its own (src/db/version-change.ts). */
export function useNewerVersionOpen(): Readonly<Ref<boolean>> {
  const open = ref(false)
  onScopeDispose(onNewerVersion(() => (open.value = true)))
  return open
}
