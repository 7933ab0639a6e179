// Loaded by index.html beside the app, so a workspace's stored data is read while the app's
// code loads (see storage/early-read.ts).
import { startEarlyRead } from '../storage/early-read'

void startEarlyRead(location.hash)
