/**
 * Issue 9's signing benchmark: what signing and checking add to each keystroke, A to B. A types
 * into a note one character at a time; each change is signed on A (change-signing.ts) and passes
 * B's change gate (signature, where it lands, the author's role in a 12-member workspace) before
 * it is applied. Node's WebCrypto, one process: the figures are the cryptography and the rules,
 * without the network. Target: p95 ≤ 2 ms added per keystroke.
 */
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { artifactBody, createArtifact } from '../../src/crdt/artifacts'
import type { ArtifactId } from '../../src/domain/ids'
import type { Role } from '../../src/domain/trust/roles'
import { makeChangeGate } from '../../src/sync/trust/change-gate'
import { signChange } from '../../src/sync/trust/change-signing'
import { actor, trustWorkspace } from '../unit/trust/trust-workspace'
import { againstTarget, reportFigures } from './support/report'

const KEYSTROKES = Number(process.env.MUTUAL_BENCH_KEYSTROKES ?? 500)
const TARGET_P95_MS = 2

const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b)
  return Math.round((sorted[Math.ceil(p * sorted.length) - 1] as number) * 1000) / 1000
}

it('prints what signing and checking add per keystroke', async () => {
  const roles: Role[] = ['editor', 'editor', 'editor', 'editor', 'commenter', 'commenter', 'commenter', 'viewer', 'viewer', 'viewer', 'viewer']
  const { devices, receiver, membership, workspaceId, ownerMembership } = await trustWorkspace(roles)
  const typist = devices.editor!
  let applied = 0
  const gate = makeChangeGate({
    doc: receiver,
    workspaceId,
    membership: () => membership.view(),
    apply: (update) => {
      Y.applyUpdate(receiver, update, 'peer')
      applied++
    },
    refuse: (_change, reason) => {
      throw new Error(`refused: ${reason}`)
    }
  })
  const before = Y.encodeStateVector(typist.doc)
  const noteId = createArtifact(typist.doc, { kind: 'note', title: 'Interview notes' }, actor, 1) as ArtifactId
  const heads = ownerMembership.view().current().heads
  const sign = (update: Uint8Array) =>
    signChange(workspaceId, typist.keys.signing.privateKey, { author: typist.pub.keyId, counter: ++typist.counter, heads, update })
  await gate.receive(await sign(Y.encodeStateAsUpdate(typist.doc, before)))
  const text = new Y.XmlText()
  const body = artifactBody(typist.doc, noteId)!
  const first = Y.encodeStateVector(typist.doc)
  body.insert(0, [text])
  await gate.receive(await sign(Y.encodeStateAsUpdate(typist.doc, first)))

  const signMs: number[] = []
  const checkMs: number[] = []
  const totalMs: number[] = []
  const letters = 'thequickbrownfoxjumpsoverthelazydog'
  for (let i = 0; i < KEYSTROKES; i++) {
    let update: Uint8Array = new Uint8Array()
    const capture = (u: Uint8Array) => (update = u)
    typist.doc.once('update', capture)
    text.insert(text.length, letters[i % letters.length] as string)
    const t0 = performance.now()
    const bytes = await sign(update)
    const t1 = performance.now()
    await gate.receive(bytes)
    const t2 = performance.now()
    signMs.push(t1 - t0)
    checkMs.push(t2 - t1)
    totalMs.push(t2 - t0)
  }
  expect(applied).toBe(KEYSTROKES + 2)
  expect((artifactBody(receiver, noteId)!.get(0) as Y.XmlText).toString().length).toBe(KEYSTROKES)
  reportFigures('trust-signing', {
    keystrokes: KEYSTROKES,
    members: roles.length + 1,
    // The machine's load while measuring: p95 on a shared machine is mostly waiting for a core.
    loadAverage: loadavg()[0],
    signP95Ms: percentile(signMs, 0.95),
    checkP95Ms: percentile(checkMs, 0.95),
    addedPerKeystroke: { p50Ms: percentile(totalMs, 0.5), ...againstTarget(percentile(totalMs, 0.95), TARGET_P95_MS, 'ms (p95)') }
  })
})
