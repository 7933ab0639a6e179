import { createHash } from 'node:crypto'
import type { DeviceKeyId, EntryBody, EntryId, MembershipEntry } from '../../../src/domain/trust/membership-entry'

/** A 43-character base64url id, as a real key or hash would be, made from a name. */
const idFrom = (text: string): string => createHash('sha256').update(text).digest('base64url')

export const device = (name: string): DeviceKeyId => idFrom(`device:${name}`) as DeviceKeyId
export const wrapKeyOf = (name: string): string => idFrom(`wrap:${name}`)

/** An entry as the codec would hand it over once its signatures checked out; ids are content hashes. */
export const entry = (author: DeviceKeyId, parents: readonly EntryId[], body: EntryBody): MembershipEntry => ({
  id: idFrom(JSON.stringify({ author, parents, body })) as EntryId,
  author,
  parents: [...parents],
  body
})
