import type { WorkspaceId } from '../../domain/ids'

/**
 * What a signature covers: a label saying what is signed, the workspace id, then the bytes.
 * The label keeps a change's signature from passing for a membership entry's (and back); the
 * workspace id keeps either from being replayed into another workspace.
 */
export const inContext = (label: Uint8Array, workspaceId: WorkspaceId, bytes: Uint8Array): Uint8Array => {
  const id = new TextEncoder().encode(workspaceId)
  const out = new Uint8Array(label.length + id.length + bytes.length)
  out.set(label, 0)
  out.set(id, label.length)
  out.set(bytes, label.length + id.length)
  return out
}
