import { startRelayServer } from '../../../../scripts/relay-server.mjs'
import type { RelayLimits } from '../../../../scripts/relay/limits.mjs'
import type { RelayStore } from '../../../../scripts/relay/store.mjs'

type Running = Awaited<ReturnType<typeof startRelayServer>>
const running: Running[] = []

/** A relay on a loopback port over `store`, closed by stopTestRelays(). */
export const startTestRelay = async (store: RelayStore, limits: Partial<RelayLimits> = {}): Promise<Running> => {
  const relay = await startRelayServer({ port: 0, store, limits })
  running.push(relay)
  return relay
}

export const stopTestRelays = async (): Promise<void> => {
  for (const relay of running.splice(0)) await relay.close()
}
