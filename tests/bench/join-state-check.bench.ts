/**
 * Issue 15's join, the part a page spends on a whole signed workspace arriving from a peer
 * (docs/trust.md, "A signed compacted state"), in Node without a browser: a lab of long notes
 * each written in turns (so its state holds hundreds of thousands of Yjs items, as a two-year
 * lab's does) is signed by an editor and received by a device that holds nothing yet.
 * - on the page: the whole check where the page runs (signature, membership entries, where each
 *   item lands, then applying), as a WebRTC join did before the checking worker took it;
 * - worker, then page: the checking worker's one pass (trust/state-check.ts), timed here in
 *   this process, then what is left for the page (settling the verdict and applying).
 * MUTUAL_BENCH_JOIN_NOTES notes (default 40) of MUTUAL_BENCH_JOIN_TURNS turns each (default
 * 2,000). Figures only: no target (the browser joins are sync-initial and relay-browser).
 */
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateAreas } from '../../src/crdt/trust/update-areas'
import { checkSignedState } from '../../src/sync/trust/state-check'
import { addNoteWrittenInTurns } from '../unit/trust/long-note'
import { freshDevice, signerOf, titles } from '../unit/trust/large-signed-state'
import { trustWorkspace } from '../unit/trust/trust-workspace'
import { reportFigures } from './support/report'

const NOTES = Number(process.env.MUTUAL_BENCH_JOIN_NOTES ?? 40)
const TURNS = Number(process.env.MUTUAL_BENCH_JOIN_TURNS ?? 2_000)

const timed = async <T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now()
  const value = await work()
  return { ms: Math.round(performance.now() - started), value }
}

it('prints what a whole signed workspace costs the joining page, checked on it or in the checking worker', async () => {
  const loadBefore = loadavg()[0] ?? 0
  const workspace = await trustWorkspace()
  const editor = workspace.devices.editor!
  for (let i = 0; i < NOTES; i++) addNoteWrittenInTurns(editor.doc, `Interview ${i + 1}`, TURNS)
  const state = Y.encodeStateAsUpdate(editor.doc)
  const signed = await (await signerOf(workspace, editor)).signState(state)
  const structs = Y.decodeUpdate(state).structs.length

  const onPage = await freshDevice(workspace)
  const areasAlone = await timed(() => updateAreas(onPage.doc, state))
  const pageOnly = await timed(() => onPage.channel.receiveState(signed))
  expect(pageOnly.value).toEqual({ verdict: 'accept' })

  const split = await freshDevice(workspace)
  const worker = await timed(() => checkSignedState(split.channel.stateCheckRequest(signed)))
  const page = await timed(() => split.channel.receiveCheckedState(signed, worker.value))
  expect(page.value).toEqual({ verdict: 'accept' })
  expect(titles(split.doc)).toEqual(titles(onPage.doc))

  reportFigures('join-state-check', {
    issue: 15,
    level: 'Node, one process (the worker’s pass timed in it); no network, no IndexedDB, no rendering',
    machine: { loadAverage: [loadBefore, loadavg()[0] ?? 0].map((l) => Math.round(l * 100) / 100) },
    state: { notes: NOTES, turnsPerNote: TURNS, structs, bytes: signed.length },
    whereEachItemLandsMs: { what: 'updateAreas over the whole state against an empty document', ms: areasAlone.ms },
    checkedOnThePageMs: { what: 'receiveState: signature, entries, where each item lands, applied: all on the page', ms: pageOnly.ms },
    checkedInTheWorker: {
      what: 'checkSignedState (the worker’s one pass), then receiveCheckedState (the page: settle and apply)',
      workerMs: worker.ms,
      pageMs: page.ms
    }
  })
}, 30 * 60_000)
