import * as Y from 'yjs'
import { artifactBody, createArtifact } from '../../../src/crdt/artifacts'
import type { ArtifactId } from '../../../src/domain/ids'
import { actor } from './trust-workspace'

/**
 * A note two people wrote taking turns, `turns` times each, added to `doc` as a workspace file
 * or a peer would bring it. Each turn is its own Yjs item, and Yjs writes a parent only for the
 * first of a run: every later item names its neighbour, so in a whole state the note is a chain
 * of `2 × turns` items, like the long notes of a lab of some months.
 */
export const addNoteWrittenInTurns = (doc: Y.Doc, title: string, turns: number): ArtifactId => {
  const first = new Y.Doc()
  const second = new Y.Doc()
  const id = createArtifact(first, { kind: 'note', title }, actor, 1)
  const paragraph = new Y.XmlText()
  artifactBody(first, id)!.insert(0, [paragraph])
  Y.applyUpdate(second, Y.encodeStateAsUpdate(first))
  for (let turn = 0; turn < turns * 2; turn++) {
    const [writer, reader] = turn % 2 === 0 ? [first, second] : [second, first]
    const text = artifactBody(writer, id)!.get(0) as Y.XmlText
    text.insert(text.length, `Turn ${turn}. `)
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(reader)))
  }
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(first))
  return id
}
