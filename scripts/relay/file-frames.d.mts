export const FILE_PART_BYTES: number
export const MAX_FILE_SEALED_BYTES: number
export const MAX_FILE_IDS_PER_QUERY: number
export const FILE_CLIENT: { readonly FILES_HELLO: 0x05; readonly FILE_HAS: 0x06; readonly FILE_PUT: 0x07; readonly FILE_GET: 0x08 }
export const FILE_RELAY: { readonly FILES_WELCOME: 0x88; readonly FILE_HELD: 0x89; readonly FILE_PART: 0x8a; readonly FILE_NONE: 0x8b }

export type FileClientFrame =
  | { kind: 'files-hello'; token: Buffer }
  | { kind: 'file-has'; ref: number; ids: Buffer[] }
  | { kind: 'file-put'; ref: number; id: Buffer; total: number; part: number; slice: Buffer }
  | { kind: 'file-get'; ref: number; id: Buffer }

export function filePartCount(total: number): number
export function filePartLength(total: number, part: number): number
export function decodeFileClientFrame(type: number, body: Buffer): FileClientFrame | { kind: 'problem'; code: number; message: string } | null
export function encodeFilesWelcome(rates: { framesPerSecond: number; frameBurst: number; bytesPerSecond: number; byteBurst: number }, version: number): Buffer
export function encodeFileHeld(ref: number, held: boolean[], version: number): Buffer
export function encodeFilePart(ref: number, total: number, part: number, slice: Uint8Array, version: number): Buffer
export function encodeFileNone(ref: number, version: number): Buffer
