/// <reference lib="webworker" />
import { serveSearch } from './search-service'

// The search index lives here, off the page's thread: indexing a large lab and answering each
// keystroke never hold up typing or scrolling.
serveSearch(self as unknown as DedicatedWorkerGlobalScope)
