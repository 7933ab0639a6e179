// A module script of its own, ahead of the app's in index.html: its few modules (Yjs and the
// workspace's storage) load and run before the rest of the app has, so the workspace in the
// address starts loading while the app's code is still arriving (see storage/early-open.ts).
import { startEarlyOpen } from '../storage/early-open'

startEarlyOpen(location.hash)
