import { fromBase64Url, toBase64Url } from '../domain/base64url'
import type { WorkspaceId, WorkspaceSecret } from '../domain/ids'
import { sha256 } from './digest'
import { hkdfBytes } from './hkdf'

/**
 * Names under which a workspace is known outside the device.
 *
 * The signalling room is HKDF of the workspace secret under its own label: the signalling
 * server, which sees room names, cannot tie it to the id in every address, and someone who
 * knows only the id cannot find the room. The relay's room id comes from other labels
 * (relay-keys.ts), so the two servers cannot match their rooms either. Every device of this
 * version derives the same name from the same secret, so members still meet; a device on a
 * version from before this name (a hash of the id) meets them only once it is updated.
 *
 * A changes file's workspace hash is still a hash of the id: it only lets a device tell that a
 * file is for another workspace before asking for it to be opened, and stays with the file.
 */
export const SIGNALLING_ROOM_LABEL = 'mutual/v1/signalling-room'
const FILE_PREFIX = 'mutual:changes-file-workspace:v1\n'

/** The y-webrtc room (signalling topic and BroadcastChannel name) of a workspace. */
export const deriveRoomName = async (secret: WorkspaceSecret): Promise<string> => {
  const raw = fromBase64Url(secret)
  if (!raw || raw.length !== 32) throw new Error('A workspace secret is 32 bytes')
  return toBase64Url(await hkdfBytes(raw, SIGNALLING_ROOM_LABEL))
}

/** The 32-byte workspace hash written in the header of a changes file. */
export const deriveFileWorkspaceHash = (id: WorkspaceId): Promise<Uint8Array> => sha256(FILE_PREFIX + id)
