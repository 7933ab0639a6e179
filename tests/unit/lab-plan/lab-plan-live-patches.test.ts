import { describe, expect, it } from 'vitest'
import { createRoot } from 'solid-js'
import { unwrap } from 'solid-js/store'
import * as Y from 'yjs'
import { labPlanParts } from '../../../src/crdt/lab-plan'
import { addPlanRow, removePlanRow, setEvidenceLink, updatePlanRow, updateProposal } from '../../../src/crdt/lab-plan-rows'
import { BUDGET_CATEGORIES } from '../../../src/domain/lab-plan/budget'
import type { PlanRowId } from '../../../src/domain/lab-plan/plan-ids'
import { createLabPlanState } from '../../../src/reactive/lab-plan'
import { makeRandom } from '../../fuzz/seeded-random'
import { asha, ben, copyOf, newPlan, readPlan, sync } from './support'

/**
 * The live plan patches only the parts and rows a change touched. Whatever the changes, local
 * or from a peer, it must always equal the plan read afresh from the document.
 */
describe('the live lab plan, patched part by part', () => {
  it('always equals a fresh read, through adds, edits, evidence, removals, a peer and unreadable rows', () => {
    const { doc, planId } = newPlan()
    const random = makeRandom(14)
    createRoot((dispose) => {
      const state = createLabPlanState(doc, planId)
      const lines: PlanRowId[] = []
      const outcomes: PlanRowId[] = []
      const measures: PlanRowId[] = []
      let now = 10
      const seen = { lines: 0, unreadable: 0 }
      const check = (): void => {
        const fresh = readPlan(doc, planId)
        expect(JSON.parse(JSON.stringify(unwrap(state())))).toEqual(fresh)
        seen.lines = Math.max(seen.lines, fresh.budget.length)
        seen.unreadable = Math.max(seen.unreadable, fresh.unreadableRows)
      }
      for (let step = 0; step < 200; step++) {
        now += 1
        const who = random.int(2) === 0 ? asha : ben
        switch (random.int(8)) {
          case 0:
            lines.push(addPlanRow(doc, planId, 'budget', { item: `Line ${step}`, category: random.pick(BUDGET_CATEGORIES), planned: random.int(100_000) }, who, now) as PlanRowId)
            break
          case 1:
            if (lines.length) updatePlanRow(doc, planId, 'budget', random.pick(lines), { spent: random.int(100_000), item: `Changed ${step}` }, who, now)
            break
          case 2:
            outcomes.push(addPlanRow(doc, planId, 'outcomes', { title: `Outcome ${step}` }, who, now) as PlanRowId)
            break
          case 3:
            if (outcomes.length) measures.push(addPlanRow(doc, planId, 'measures', { outcomeId: random.pick(outcomes), what: `Measure ${step}` }, who, now) as PlanRowId)
            break
          case 4:
            if (measures.length) updatePlanRow(doc, planId, 'measures', random.pick(measures), { latestValue: String(step) }, who, now)
            break
          case 5:
            if (outcomes.length) setEvidenceLink(doc, planId, 'outcomes', random.pick(outcomes), `note-${random.int(4)}`, random.int(2) ? 'artifact' : null, who, now)
            break
          case 6: {
            const section = random.int(2) ? 'budget' : 'outcomes'
            const pool = section === 'budget' ? lines : outcomes
            if (pool.length) removePlanRow(doc, planId, section, pool.splice(random.int(pool.length), 1)[0] as PlanRowId, who, now)
            break
          }
          case 7: {
            // A peer changes the award and a line, and writes a field this version cannot read, then both sync.
            const peer = copyOf(doc)
            updateProposal(peer, planId, { fundingAsked: random.int(1_000_000) }, ben, now)
            const line = lines.length ? random.pick(lines) : null
            if (line) {
              const row = labPlanParts(peer, planId)?.sections.budget.get(line)
              if (row instanceof Y.Map) peer.transact(() => row.set('planned', random.int(2) ? 1.5 : 700))
            }
            sync(doc, peer)
            break
          }
        }
        check()
      }
      // The run went through what it is meant to: many lines, and rows this version cannot read.
      expect(seen.lines).toBeGreaterThan(5)
      expect(seen.unreadable).toBeGreaterThan(0)
      dispose()
    })
  })
})
