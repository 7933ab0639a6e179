/// <reference lib="webworker" />
import { WorkspaceIdSchema } from '../../domain/ids'
import { openSearchIndexStore, type SearchIndexStore } from '../../storage/search-index-store'
import { serveSearch } from './search-service'

// The search index lives here, off the page's thread: indexing a large lab and answering each
// keystroke never hold up typing or scrolling. The worker is the entry point that wires the
// index to where this device keeps it (storage/), as app/ does for the page.
const stores = new Map<string, Promise<SearchIndexStore>>()
const store = (workspaceId: string): Promise<SearchIndexStore> => {
  let opened = stores.get(workspaceId)
  if (!opened) {
    opened = openSearchIndexStore(WorkspaceIdSchema.parse(workspaceId))
    // A failed open is tried again next time rather than remembered.
    opened.catch(() => stores.delete(workspaceId))
    stores.set(workspaceId, opened)
  }
  return opened
}

serveSearch(self as unknown as DedicatedWorkerGlobalScope, {
  read: async (workspaceId) => (await store(workspaceId)).read(),
  write: async (workspaceId, record) => (await store(workspaceId)).write(record)
})
