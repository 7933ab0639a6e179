import { fromBase64Url } from '../domain/base64url'
import type { WorkspaceId, WorkspaceSecret } from '../domain/ids'
import { equalBytes } from './digest'
import { deriveFileWorkspaceHash } from './room-name'
import { fileProblemsEn } from '../domain/i18n/areas/file-problems.en'
import { fillKnown } from '../domain/i18n/known-text'

/**
 * A changes file: the workspace's Yjs update, encrypted, for carrying between devices that
 * never connect. Only members (who hold the workspace secret) can read or make one.
 *
 * Layout: magic "MUTUALCH" (8) | format (1) | workspace hash (32) | salt (16) | iv (12) |
 * AES-256-GCM ciphertext with its tag. The key is HKDF-SHA-256 of the workspace secret with
 * the file's own random salt, so no two files share a key. Everything before the ciphertext
 * is authenticated as additional data: changing any byte of the file makes it unreadable.
 */
const MAGIC = new TextEncoder().encode('MUTUALCH')
export const CHANGES_FILE_FORMAT = 1
const HASH_BYTES = 32
const SALT_BYTES = 16
const IV_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = MAGIC.length + 1 + HASH_BYTES + SALT_BYTES + IV_BYTES
const HKDF_INFO = new TextEncoder().encode('mutual:changes-file-key:v1')

/** Refused before it is read: a changes file holds one workspace, far below this. */
export const MAX_CHANGES_FILE_BYTES = 64 * 1024 * 1024

export type ChangesFileProblem = 'too-large' | 'not-a-changes-file' | 'newer-format' | 'other-workspace' | 'damaged'

/** What a person reads, in the English catalogue's words (the interface shows them in the chosen language). */
export const CHANGES_FILE_PROBLEM_TEXT: Record<ChangesFileProblem, string> = {
  'too-large': fillKnown('fileProblem.changes.tooLarge', { megabytes: MAX_CHANGES_FILE_BYTES / 1024 / 1024 }),
  'not-a-changes-file': fileProblemsEn['fileProblem.changes.notOurs'],
  'newer-format': fileProblemsEn['fileProblem.changes.newerFormat'],
  'other-workspace': fileProblemsEn['fileProblem.changes.otherWorkspace'],
  damaged: fileProblemsEn['fileProblem.changes.damaged']
}

export type OpenedChangesFile = { ok: true; update: Uint8Array } | { ok: false; problem: ChangesFileProblem }

const secretBytes = (secret: WorkspaceSecret): Uint8Array => {
  const bytes = fromBase64Url(secret)
  if (!bytes || bytes.length !== 32) throw new Error('The workspace secret is not 256 bits')
  return bytes
}

const deriveFileKey = async (secret: WorkspaceSecret, salt: Uint8Array): Promise<CryptoKey> => {
  const material = await crypto.subtle.importKey('raw', secretBytes(secret) as BufferSource, 'HKDF', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: salt as BufferSource, info: HKDF_INFO as BufferSource },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt']
  )
}

export const encodeChangesFile = async (
  update: Uint8Array,
  workspaceId: WorkspaceId,
  secret: WorkspaceSecret
): Promise<Uint8Array> => {
  const header = new Uint8Array(HEADER_BYTES)
  header.set(MAGIC, 0)
  header[MAGIC.length] = CHANGES_FILE_FORMAT
  header.set(await deriveFileWorkspaceHash(workspaceId), MAGIC.length + 1)
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  header.set(salt, MAGIC.length + 1 + HASH_BYTES)
  header.set(iv, MAGIC.length + 1 + HASH_BYTES + SALT_BYTES)
  const key = await deriveFileKey(secret, salt)
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: header as BufferSource }, key, update as BufferSource)
  )
  const out = new Uint8Array(HEADER_BYTES + sealed.length)
  out.set(header, 0)
  out.set(sealed, HEADER_BYTES)
  return out
}

/** True when a file of this size should not even be read. */
export const changesFileTooLarge = (size: number): boolean => size > MAX_CHANGES_FILE_BYTES

/**
 * Checks and decrypts a changes file from outside the app. It says which workspace it is for
 * (by hash) before any decryption, and nothing of it is used unless GCM authenticates all of
 * it. The update inside is still untrusted input for Yjs: see untrusted-update.ts.
 */
export const openChangesFile = async (
  bytes: Uint8Array,
  workspaceId: WorkspaceId,
  secret: WorkspaceSecret
): Promise<OpenedChangesFile> => {
  if (changesFileTooLarge(bytes.length)) return { ok: false, problem: 'too-large' }
  if (bytes.length < MAGIC.length || !MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, problem: 'not-a-changes-file' }
  if (bytes.length < HEADER_BYTES + TAG_BYTES) return { ok: false, problem: 'damaged' }
  const format = bytes[MAGIC.length] as number
  if (format > CHANGES_FILE_FORMAT) return { ok: false, problem: 'newer-format' }
  if (format !== CHANGES_FILE_FORMAT) return { ok: false, problem: 'damaged' }
  const hash = bytes.subarray(MAGIC.length + 1, MAGIC.length + 1 + HASH_BYTES)
  if (!equalBytes(hash, await deriveFileWorkspaceHash(workspaceId))) return { ok: false, problem: 'other-workspace' }
  const salt = bytes.slice(MAGIC.length + 1 + HASH_BYTES, MAGIC.length + 1 + HASH_BYTES + SALT_BYTES)
  const iv = bytes.slice(MAGIC.length + 1 + HASH_BYTES + SALT_BYTES, HEADER_BYTES)
  try {
    const key = await deriveFileKey(secret, salt)
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: bytes.slice(0, HEADER_BYTES) as BufferSource },
      key,
      bytes.slice(HEADER_BYTES) as BufferSource
    )
    return { ok: true, update: new Uint8Array(plain) }
  } catch {
    return { ok: false, problem: 'damaged' }
  }
}
