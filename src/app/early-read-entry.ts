// Inlined into index.html's head by the build (scripts/inline-early-read.ts; the development
// server loads it as a module), so a workspace's stored data is read while the app's code
// loads (see storage/early-read.ts).
import { startEarlyRead } from '../storage/early-read'

void startEarlyRead(location.hash)
