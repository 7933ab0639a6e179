import { Buffer } from 'node:buffer'
import * as Y from 'yjs'
import { artifactBody, createArtifact } from '../../../src/crdt/artifacts'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { initialiseWorkspace } from '../../../src/crdt/workspace-meta'
import { makeWorkspaceId, makeWorkspaceSecret } from '../../../src/domain/ids'
import { encodeWorkspaceFile } from '../../../src/storage/workspace-file'

const ACTOR = { name: 'Hannah Clarke', organisation: 'Plymouth City Council' }

/**
 * A lab led by Plymouth City Council holding these notes, each body one run of text, built
 * through src/crdt as the app would, as a workspace file to import. The large labs the sync
 * tests send between devices are made this way.
 */
export const notesWorkspaceFile = (lab: string, notes: readonly { title: string; text: string }[]): { file: Buffer; doc: Y.Doc } => {
  const workspaceId = makeWorkspaceId()
  const doc = makeWorkspaceDoc(workspaceId)
  initialiseWorkspace(doc, { name: lab, description: '', leadCouncil: ACTOR.organisation, partnerCouncils: [], startDate: '' }, ACTOR, Date.now())
  for (const { title, text } of notes) {
    const note = createArtifact(doc, { kind: 'note', title }, ACTOR, Date.now())
    artifactBody(doc, note)?.insert(0, [new Y.XmlText(text)])
  }
  const file = Buffer.from(encodeWorkspaceFile({ format: 1, workspaceId, secret: makeWorkspaceSecret(), name: lab, exportedAt: Date.now() }, doc))
  return { file, doc }
}
