import type * as Y from 'yjs'

/**
 * Which artifacts a batch of changes to the artifacts map touched: the key that changed for
 * an event on the map itself, the first step of the path for anything deeper (a body, a
 * comment, a partner, a board note).
 */
export const changedArtifactIds = (events: readonly Y.YEvent<any>[]): Set<string> => {
  const ids = new Set<string>()
  for (const event of events) {
    const first = event.path[0]
    if (typeof first === 'string') ids.add(first)
    else for (const key of event.changes.keys.keys()) ids.add(key)
  }
  return ids
}
