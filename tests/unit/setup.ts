// IndexedDB for the storage layer's tests, without a browser.
import 'fake-indexeddb/auto'
