import { z } from 'zod'

/**
 * An attachment as the shared document knows it: a small reference, never the bytes. The
 * bytes live on each device, outside the Y.Doc, under their SHA-256 (storage/attachment-store.ts),
 * and travel to others on request (sync/attachment-exchange.ts). Keeping bytes out of the
 * document keeps a workspace's cold open and every sync handshake as small as before.
 */

/** Lower-case hex SHA-256 of the stored bytes: the attachment's only address. */
export const AttachmentHashSchema = z.string().regex(/^[0-9a-f]{64}$/)
export type AttachmentHash = z.infer<typeof AttachmentHashSchema>

/** A photo is shown in the text; any other file is shown as a named link that opens or downloads. */
export const AttachmentKindSchema = z.enum(['image', 'file'])
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>

/** Alt text is a sentence or two: long enough for a description, short enough to read aloud. */
export const MAX_ALT_CHARS = 500
export const MAX_NAME_CHARS = 200

/** The reference kept in the document's attachment node (editor/attachment-node.ts). */
export const AttachmentRefSchema = z.object({
  hash: AttachmentHashSchema,
  kind: AttachmentKindSchema,
  mime: z.string().min(1).max(120),
  name: z.string().max(MAX_NAME_CHARS),
  size: z.number().int().nonnegative(),
  /** Empty until someone describes the photo; shown as missing meanwhile. */
  alt: z.string().max(MAX_ALT_CHARS),
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable()
})
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>

/** Reads a reference from a node's attributes; null for anything that is not one (a peer's garbage). */
export const readAttachmentRef = (attrs: unknown): AttachmentRef | null => {
  const parsed = AttachmentRefSchema.safeParse(attrs)
  return parsed.success ? parsed.data : null
}
