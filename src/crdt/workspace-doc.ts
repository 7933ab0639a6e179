import * as Y from 'yjs'
import type { WorkspaceId } from '../domain/ids'
import { ROOT, META } from './keys'

/**
 * A workspace's root document. `gc: false` keeps deleted content so that named versions
 * (Y.snapshot) can be shown and restored later.
 */
export const makeWorkspaceDoc = (id: WorkspaceId): Y.Doc => new Y.Doc({ guid: id, gc: false })

export const metaMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.meta)
export const artifactsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(ROOT.artifacts)
export const membersMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ROOT.members)

/** A workspace document has content once its creator's first transaction has arrived. */
export const hasWorkspaceContent = (doc: Y.Doc): boolean => metaMap(doc).has(META.name)
