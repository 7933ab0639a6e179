import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Actor } from '../../src/domain/artifact'
import { makeWorkspaceId } from '../../src/domain/ids'
import { makeWorkspaceDoc } from '../../src/crdt/workspace-doc'
import { createLabPlan } from '../../src/crdt/lab-plan'
import { addPlanRow, removePlanRow, updatePlanRow } from '../../src/crdt/lab-plan-rows'
import { readLabPlan } from '../../src/crdt/lab-plan-read'
import { BUDGET_CATEGORIES, budgetTotals } from '../../src/domain/lab-plan/budget'
import type { PlanRowId } from '../../src/domain/lab-plan/plan-ids'
import { makePeerNetwork } from './in-memory-peers'
import { fuzzSeeds, makeRandom } from './seeded-random'

const PEERS = 4
const ROUNDS = 8
const STEPS_PER_ROUND = 40

type Random = ReturnType<typeof makeRandom>
const seededId = (random: Random): PlanRowId =>
  Array.from({ length: 16 }, () => random.int(256).toString(16).padStart(2, '0')).join('') as PlanRowId

/**
 * Several devices edit one plan's budget lines and measures while their updates are held
 * back, reordered and delivered at random. Each round ends with every device in sync; then
 * every device must read the same plan, every amount must still be whole pence, and each
 * field must have merged on its own: a field only one device wrote in the round holds that
 * device's last value (whatever others did to the line's other fields), a field several
 * wrote holds one of their values, and a field nobody wrote is unchanged.
 */
describe('lab plan budget and measures under concurrent edits', () => {
  for (const seed of fuzzSeeds(6, 11)) {
    it(`merge field by field and converge (seed ${seed})`, { timeout: 120_000 }, () => {
      const random = makeRandom(seed)
      const id = makeWorkspaceId()
      const docs = Array.from({ length: PEERS }, () => makeWorkspaceDoc(id))
      // Yjs breaks ties by client id: fixed ids make a run replay exactly from its seed.
      docs.forEach((doc, i) => (doc.clientID = 2000 + i))
      const network = makePeerNetwork(docs, random)
      const actors: Actor[] = docs.map((_, i) => ({ name: `Person ${i}`, organisation: `Council ${i}` }))
      const planId = createLabPlan(docs[0] as Y.Doc, { title: 'Lab plan' }, actors[0] as Actor, 1)
      const outcomeId = addPlanRow(docs[0] as Y.Doc, planId, 'outcomes', { title: 'Outcome' }, actors[0] as Actor, 1) as PlanRowId
      network.settle()
      let now = 10
      try {
        for (let round = 0; round < ROUNDS; round++) {
          // Per field ("section.row.field"): each device's last write this round.
          const writes = new Map<string, Map<number, unknown>>()
          const removed = new Set<string>()
          const before = readLabPlan(docs[0] as Y.Doc, planId)
          if (!before) throw new Error('plan missing')
          const write = (key: string, peer: number, value: unknown): void => {
            const perPeer = writes.get(key) ?? new Map<number, unknown>()
            perPeer.set(peer, value)
            writes.set(key, perPeer)
          }
          for (let step = 0; step < STEPS_PER_ROUND; step++) {
            now += 1
            const peer = random.int(PEERS)
            const doc = docs[peer] as Y.Doc
            const actor = actors[peer] as Actor
            const view = readLabPlan(doc, planId)
            if (!view) throw new Error('plan missing')
            const measures = view.outcomes.flatMap((o) => o.measures)
            const roll = random.next()
            if (roll < 0.15 || view.budget.length < 3) {
              const lineId = seededId(random)
              const fields = { item: `Line ${now}`, category: random.pick(BUDGET_CATEGORIES), council: '', planned: random.int(500_000), committed: 0, spent: 0 }
              addPlanRow(doc, planId, 'budget', fields, actor, now, lineId)
              for (const [field, value] of Object.entries(fields)) write(`budget.${lineId}.${field}`, peer, value)
            } else if (roll < 0.6) {
              const line = random.pick(view.budget)
              const patch = Object.fromEntries(
                (['planned', 'committed', 'spent', 'council', 'item'] as const)
                  .filter(() => random.chance(0.35))
                  .map((field) => [field, field === 'council' || field === 'item' ? `${field} ${peer}-${now}` : random.int(1_000_000)])
              )
              if (updatePlanRow(doc, planId, 'budget', line.id, patch, actor, now)) {
                for (const [field, value] of Object.entries(patch)) write(`budget.${line.id}.${field}`, peer, value)
              }
            } else if (roll < 0.65) {
              const line = random.pick(view.budget)
              if (removePlanRow(doc, planId, 'budget', line.id, actor, now)) removed.add(`budget.${line.id}`)
            } else if (roll < 0.75 || measures.length === 0) {
              const measureId = seededId(random)
              const fields = { outcomeId, what: `Measure ${now}`, how: '', baseline: '0', target: '10', latestValue: '', latestDate: '' }
              addPlanRow(doc, planId, 'measures', fields, actor, now, measureId)
              for (const [field, value] of Object.entries(fields)) write(`measures.${measureId}.${field}`, peer, value)
            } else {
              const measure = random.pick(measures)
              const patch = Object.fromEntries(
                (['what', 'baseline', 'target', 'latestValue'] as const).filter(() => random.chance(0.4)).map((field) => [field, `${field} ${peer}-${now}`])
              )
              if (random.chance(0.3)) patch.latestDate = `2027-0${1 + random.int(9)}-1${random.int(10)}`
              if (updatePlanRow(doc, planId, 'measures', measure.id, patch, actor, now)) {
                for (const [field, value] of Object.entries(patch)) write(`measures.${measure.id}.${field}`, peer, value)
              }
            }
            // Some updates travel during the round, in any order; most wait for the round's end.
            if (random.chance(0.3)) network.deliverOne()
          }
          network.settle()

          const plans = docs.map((doc) => readLabPlan(doc, planId))
          for (const plan of plans.slice(1)) expect(plan).toEqual(plans[0])
          const plan = plans[0]
          if (!plan) throw new Error('plan missing')
          expect(plan.unreadableRows).toBe(0)
          for (const line of plan.budget) for (const amount of [line.planned, line.committed, line.spent]) expect(Number.isInteger(amount)).toBe(true)
          expect(budgetTotals(plan.budget).planned).toBe(plan.budget.reduce((sum, l) => sum + l.planned, 0))

          const rows = new Map<string, Record<string, unknown>>([
            ...plan.budget.map((l): [string, Record<string, unknown>] => [`budget.${l.id}`, { ...l }]),
            ...plan.outcomes.flatMap((o) => o.measures).map((m): [string, Record<string, unknown>] => [`measures.${m.id}`, { ...m }])
          ])
          for (const key of removed) expect(rows.has(key), `${key} was removed`).toBe(false)
          for (const [key, perPeer] of writes) {
            const rowKey = key.split('.').slice(0, 2).join('.')
            const field = key.split('.')[2] as string
            if (removed.has(rowKey)) continue
            const row = rows.get(rowKey)
            if (!row) throw new Error(`round ${round}: ${rowKey} was lost`)
            const values = [...perPeer.values()]
            if (perPeer.size === 1) expect(row[field], key).toEqual(values[0])
            else expect(values, key).toContainEqual(row[field])
          }
          // Fields nobody wrote this round are as they were.
          for (const line of before.budget) {
            const row = rows.get(`budget.${line.id}`)
            if (!row) continue
            for (const [field, value] of Object.entries(line)) if (!writes.has(`budget.${line.id}.${field}`)) expect(row[field]).toEqual(value)
          }
        }
      } catch (error) {
        console.error(`lab plan fuzz failed with seed ${seed} (replay with FUZZ_SEED=${seed})`)
        throw error
      }
    })
  }
})
