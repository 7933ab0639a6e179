import { createContext, useContext, type Accessor, type JSX } from 'solid-js'
import type * as Y from 'yjs'
import type { Actor } from '../../../domain/artifact'
import type { ArtifactId } from '../../../domain/ids'
import type { LabPlanState } from '../../../domain/lab-plan/lab-plan-state'
import type { BudgetFigures } from './create-budget-figures'

/** What every part of the lab plan page shares: the plan, who is editing, and how to write. */
export interface LabPlanContextValue {
  doc: Y.Doc
  workspaceId: string
  planId: ArtifactId
  plan: Accessor<LabPlanState>
  /** The budget's sums, shared by every part that shows them. */
  budget: BudgetFigures
  canEdit: Accessor<boolean>
  /**
   * Runs a change as this person, now. A change that throws (a read-only workspace) shows its
   * message above the plan instead of breaking the page; undefined then.
   */
  write: <T>(change: (actor: Actor, now: number) => T) => T | undefined
  announce: (text: string) => void
}

const LabPlanContext = createContext<LabPlanContextValue>()

export const LabPlanProvider = (props: { value: LabPlanContextValue; children: JSX.Element }) => (
  <LabPlanContext.Provider value={props.value}>{props.children}</LabPlanContext.Provider>
)

export const useLabPlan = (): LabPlanContextValue => {
  const value = useContext(LabPlanContext)
  if (!value) throw new Error('useLabPlan is used outside a lab plan')
  return value
}
