import type { WorkspaceTrust } from './workspace-trust'

/**
 * Runs `then` once this device is a member of the workspace (its join or claim is in the
 * membership it has folded), or at once when the workspace has no trust here. WHY: Yjs numbers
 * each device's changes in one unbroken sequence, so a single change the others refuse (one
 * written before this device's join arrived, such as its member record) leaves every later
 * change of this device waiting on the others for ever. Nothing is written before it may be.
 * Returns a stop; `then` never runs after it.
 */
export const whenMember = (trust: Promise<WorkspaceTrust | null>, then: () => void): (() => void) => {
  let stopped = false
  let unsubscribe: (() => void) | null = null
  const run = (): void => {
    if (stopped) return
    stopped = true
    unsubscribe?.()
    then()
  }
  void trust.then(
    (opened) => {
      if (stopped) return
      if (!opened || opened.myRole() !== null) return run()
      unsubscribe = opened.subscribe(() => {
        if (opened.myRole() !== null) run()
      })
    },
    () => run()
  )
  return () => {
    stopped = true
    unsubscribe?.()
  }
}
