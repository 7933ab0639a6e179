import { toBase64Url } from '../domain/base64url'
import type { WorkspaceId } from '../domain/ids'
import { sha256 } from './digest'

/**
 * Names under which a workspace is known outside the device. Each is a SHA-256 of the
 * workspace id behind its own fixed prefix, so the signalling server (which sees room names)
 * and anyone holding a file (which carries a workspace hash) never learn the id itself, and
 * the two hashes cannot be matched with each other.
 */
const ROOM_PREFIX = 'mutual:signalling-room:v1\n'
const FILE_PREFIX = 'mutual:changes-file-workspace:v1\n'

/** The y-webrtc room (signalling topic and BroadcastChannel name) of a workspace. */
export const deriveRoomName = async (id: WorkspaceId): Promise<string> => toBase64Url(await sha256(ROOM_PREFIX + id))

/** The 32-byte workspace hash written in the header of a changes file. */
export const deriveFileWorkspaceHash = (id: WorkspaceId): Promise<Uint8Array> => sha256(FILE_PREFIX + id)
