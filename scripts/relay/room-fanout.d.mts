import type { RelayStore } from './store.d.mts'

export interface RoomMember {
  /** process id (16 hex) . connection number: presence never returns to where it came from */
  origin: string
  wake(seq: number): void
  resync(): void
  presence(sealed: Buffer): void
}

export interface RoomFanout {
  start(): Promise<void>
  join(roomHex: string, member: RoomMember): void
  leave(roomHex: string, member: RoomMember): void
  publishPresence(roomHex: string, origin: string, sealed: Buffer): Promise<boolean>
  roomCount(): number
  stop(): Promise<void>
}
export function makeRoomFanout(store: RelayStore, processId: string): RoomFanout
