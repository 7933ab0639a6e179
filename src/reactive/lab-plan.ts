import type * as Y from 'yjs'
import { batch, createSignal, type Accessor, type Signal } from 'solid-js'
import { reconcile } from 'solid-js/store'
import type { ArtifactId } from '../domain/ids'
import type { BudgetLine, LabPlanState } from '../domain/lab-plan/lab-plan-state'
import { artifactMap } from '../crdt/artifacts'
import { labPlanParts, type LabPlanParts } from '../crdt/lab-plan'
import { changedPlanParts } from '../crdt/lab-plan-changes'
import { LAB_PLAN_PARTS, makeLabPlanReader, type LabPlanPart, type LabPlanReader } from '../crdt/lab-plan-read'
import { artifactsMap } from '../crdt/workspace-doc'
import { PLAN_SECTIONS } from '../domain/lab-plan/plan-sections'
import { createYProjection } from './create-y-projection'

const RECONCILE = { key: 'id', merge: false } as const

/**
 * Each plan's budget lines as plain records, as last read, for the sums over every line (the
 * totals, the chart, the summary). Summed through the live store, each sum was a tracked read
 * of four fields of each of 300 lines, a large part of opening a big plan; the list is set
 * afresh whenever the budget is read again, so the sums still follow every change. Kept per
 * document and plan, like the live plan itself, which every view of the plan shares.
 */
const plainBudgets = new WeakMap<Y.Doc, Map<ArtifactId, Signal<readonly BudgetLine[]>>>()

const plainBudget = (doc: Y.Doc, planId: ArtifactId): Signal<readonly BudgetLine[]> => {
  let perDoc = plainBudgets.get(doc)
  if (!perDoc) {
    perDoc = new Map()
    plainBudgets.set(doc, perDoc)
  }
  let lines = perDoc.get(planId)
  if (!lines) {
    lines = createSignal<readonly BudgetLine[]>([])
    perDoc.set(planId, lines)
  }
  return lines
}

/**
 * A plan's budget lines as plain records, following the live plan (createLabPlanState) of the
 * same plan: read them for sums, not to draw a line (a drawn line follows its own fields).
 */
export const createPlainBudgetLines = (doc: Y.Doc, planId: ArtifactId): Accessor<readonly BudgetLine[]> => plainBudget(doc, planId)[0]

const sameParts = (a: LabPlanParts, b: LabPlanParts): boolean =>
  a.record === b.record && a.proposal === b.proposal && PLAN_SECTIONS.every((section) => a.sections[section] === b.sections[section])

/**
 * One lab plan, live: its proposal fields and every row. A change re-reads only the parts it
 * touched, and within them only the rows it touched (a budget edit re-checks one line, and
 * the page repaints that line and the totals, not 300 lines); typing in an EOI answer is
 * skipped (the editor shows that itself). Null while the plan has not reached this device.
 */
export const createLabPlanState = (doc: Y.Doc, planId: ArtifactId) => {
  const setPlainBudget = plainBudget(doc, planId)[1]
  let current: { parts: LabPlanParts; reader: LabPlanReader; unreadable: Record<LabPlanPart, number> } | null = null
  const readAll = (): LabPlanState | null => {
    const parts = labPlanParts(doc, planId)
    if (!parts) {
      current = null
      setPlainBudget([])
      return null
    }
    if (!current || !sameParts(current.parts, parts)) current = { parts, reader: makeLabPlanReader(parts), unreadable: {} as Record<LabPlanPart, number> }
    const reading = current
    const plan = Object.fromEntries(
      LAB_PLAN_PARTS.map((part) => {
        const { value, unreadable } = reading.reader.part(part)
        reading.unreadable[part] = unreadable
        if (part === 'budget') setPlainBudget(value as BudgetLine[])
        return [part, value]
      })
    ) as Omit<LabPlanState, 'unreadableRows'>
    return { ...plan, unreadableRows: unreadableRows(reading.unreadable) }
  }
  return createYProjection<LabPlanState | null>(
    doc,
    `lab-plan:${planId}`,
    () => artifactMap(doc, planId) ?? artifactsMap(doc),
    readAll,
    undefined,
    (events, setState) =>
      // One update for the store and the plain lines: nothing sees one without the other.
      batch(() => {
        const reading = current
        const changed = reading ? changedPlanParts(reading.parts, events, reading.reader.forget) : 'all'
        if (!reading || changed === 'all') {
          setState('value', reconcile(readAll(), RECONCILE))
          return
        }
        for (const part of changed) {
          const { value, unreadable } = reading.reader.part(part)
          reading.unreadable[part] = unreadable
          if (part === 'budget') setPlainBudget(value as BudgetLine[])
          setState('value', part, reconcile(value, RECONCILE))
        }
        setState('value', 'unreadableRows', unreadableRows(reading.unreadable))
      })
  )
}

const unreadableRows = (counts: Record<LabPlanPart, number>): number => Object.values(counts).reduce((sum, n) => sum + n, 0)
