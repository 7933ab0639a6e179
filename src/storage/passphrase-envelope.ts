import { fileProblemsEn } from '../domain/i18n/areas/file-problems.en'

/**
 * Passphrase encryption for backups: PBKDF2-SHA-256 stretches the passphrase into an AES-GCM
 * key; GCM's tag means a wrong passphrase and a damaged file are both caught before anything
 * is read. Layout: magic (8) | salt (16) | iv (12) | iterations (4, big-endian) | ciphertext.
 */
const MAGIC = new TextEncoder().encode('MUTUALBK')
const SALT_BYTES = 16
const IV_BYTES = 12
const HEADER_BYTES = MAGIC.length + SALT_BYTES + IV_BYTES + 4
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000
const MAX_ITERATIONS = 10_000_000

export const isPassphraseEnvelope = (bytes: Uint8Array): boolean =>
  bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b)

const deriveKey = async (passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> => {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt']
  )
}

export const sealWithPassphrase = async (plain: Uint8Array, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<Uint8Array> => {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const key = await deriveKey(passphrase, salt, iterations)
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, plain as BufferSource))
  const out = new Uint8Array(HEADER_BYTES + sealed.length)
  out.set(MAGIC, 0)
  out.set(salt, MAGIC.length)
  out.set(iv, MAGIC.length + SALT_BYTES)
  new DataView(out.buffer).setUint32(MAGIC.length + SALT_BYTES + IV_BYTES, iterations)
  out.set(sealed, HEADER_BYTES)
  return out
}

export type OpenedEnvelope = { ok: true; plain: Uint8Array } | { ok: false; message: string }

export const openWithPassphrase = async (bytes: Uint8Array, passphrase: string): Promise<OpenedEnvelope> => {
  if (!isPassphraseEnvelope(bytes) || bytes.length <= HEADER_BYTES) {
    return { ok: false, message: fileProblemsEn['fileProblem.backup.cutShort'] }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const iterations = view.getUint32(MAGIC.length + SALT_BYTES + IV_BYTES)
  if (iterations < 1 || iterations > MAX_ITERATIONS) return { ok: false, message: fileProblemsEn['fileProblem.backup.damaged'] }
  const salt = bytes.slice(MAGIC.length, MAGIC.length + SALT_BYTES)
  const iv = bytes.slice(MAGIC.length + SALT_BYTES, MAGIC.length + SALT_BYTES + IV_BYTES)
  try {
    const key = await deriveKey(passphrase, salt, iterations)
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, bytes.slice(HEADER_BYTES) as BufferSource)
    return { ok: true, plain: new Uint8Array(plain) }
  } catch {
    return { ok: false, message: fileProblemsEn['fileProblem.backup.wrongPassphrase'] }
  }
}
