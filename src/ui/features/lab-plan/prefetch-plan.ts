import { whenIdle } from '../../../domain/when-idle'

/** Soon enough that a person who opens the plan straight away still finds its code on hand. */
const LATEST_MS = 2_000

let requested = false

/**
 * Loads and evaluates the lab plan's code once the browser is idle after a workspace that has
 * a plan opens: opening the plan then waits for neither the network nor the evaluation of its
 * modules (about a fifth of the time a large plan took to open). The same module is what the
 * workspace's `lazy(() => import('../lab-plan/LabPlanView'))` loads, so it is fetched once.
 */
export const prefetchLabPlan = (): void => {
  if (requested) return
  requested = true
  whenIdle(() => void import('./LabPlanView').catch(() => (requested = false)), LATEST_MS)
}
