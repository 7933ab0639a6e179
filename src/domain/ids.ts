import { z } from 'zod'
import { toBase64Url, toHex } from './base64url'

/** 128-bit random id, lowercase hex. Used for workspaces (the Y.Doc guid) and artifacts. */
export const WorkspaceIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'a workspace id is 32 hexadecimal characters')
  .brand<'WorkspaceId'>()
export type WorkspaceId = z.infer<typeof WorkspaceIdSchema>

export const ArtifactIdSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'an artifact id is 32 hexadecimal characters')
  .brand<'ArtifactId'>()
export type ArtifactId = z.infer<typeof ArtifactIdSchema>

/** 256-bit workspace secret, base64url without padding (43 characters). */
export const WorkspaceSecretSchema = z
  .string()
  // 43 characters carry 258 bits: the last character's low two bits must be zero, so the
  // secret is exactly 32 bytes and every key derived from it (relay, change files) exists.
  .regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/, 'a workspace secret is 32 bytes in 43 base64url characters')
  .brand<'WorkspaceSecret'>()
export type WorkspaceSecret = z.infer<typeof WorkspaceSecretSchema>


const randomBytes = (length: number): Uint8Array => crypto.getRandomValues(new Uint8Array(length))

export const makeWorkspaceId = (): WorkspaceId => toHex(randomBytes(16)) as WorkspaceId
export const makeArtifactId = (): ArtifactId => toHex(randomBytes(16)) as ArtifactId
export const makeWorkspaceSecret = (): WorkspaceSecret =>
  toBase64Url(randomBytes(32)) as WorkspaceSecret
