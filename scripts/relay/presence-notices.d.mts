export const PRESENCE_NOTICE_PARTS: number
export function presenceNotices(roomHex: string, origin: string, message: number, sealed: Buffer): string[]
export interface PresenceAssembler {
  accept(notice: string): { roomHex: string; origin: string; sealed: Buffer } | null
  waiting(): number
}
export function makePresenceAssembler(options?: { now?: () => number }): PresenceAssembler
