import { afterViewOpens } from '../../../domain/view-opening'

let requested = false

/**
 * Loads and evaluates the lab plan's code as soon as the page that asked for it (a workspace
 * that has a plan) has painted its first screen: opening the plan then waits for neither the
 * network nor the evaluation of its modules. The same module is what the workspace's
 * `lazy(() => import('../lab-plan/LabPlanView'))` loads, so it is fetched once.
 *
 * WHY not when the browser is next idle: a person may open the plan straight from the
 * overview, and the work that follows a workspace's load leaves no idle moment for a few
 * hundred milliseconds; opening the plan then also had to fetch its code (320 ms median in the
 * lab-plan-browser bench, against 241 ms with the code loaded once the overview is painted).
 * It still never competes with the first screen itself.
 */
export const prefetchLabPlan = (): void => {
  if (requested) return
  requested = true
  afterViewOpens(() => void import('./LabPlanView').catch(() => (requested = false)))
}
