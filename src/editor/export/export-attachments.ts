import { readAttachmentRef, type AttachmentRef } from '../../domain/attachments/attachment'
import { formatBytes } from '../../domain/storage-health'
import type { JsonNode } from './document-json'

/**
 * Photos in exports. Before converting, the caller puts each photo's bytes (from this device)
 * into its node as `embedded` (base64); whatever a peer may have stored under that name is
 * removed first, so an export only ever embeds this device's own, hash-checked bytes. A photo
 * this device does not have, and any other file, is exported as a line of text.
 */
const MAX_EMBEDDED_PHOTOS = 200

const toBase64 = (bytes: Uint8Array): string => {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export const embedAttachments = async (body: JsonNode, read: (hash: string) => Promise<Uint8Array | null>): Promise<JsonNode> => {
  let embedded = 0
  const walk = async (node: JsonNode): Promise<JsonNode> => {
    if (node.type === 'attachment') {
      const { embedded: _dropped, ...attrs } = (node.attrs ?? {}) as Record<string, unknown>
      const ref = readAttachmentRef(attrs)
      if (ref?.kind === 'image' && embedded < MAX_EMBEDDED_PHOTOS) {
        const bytes = await read(ref.hash).catch(() => null)
        if (bytes) {
          embedded++
          return { ...node, attrs: { ...attrs, embedded: toBase64(bytes) } }
        }
      }
      return { ...node, attrs }
    }
    return node.content ? { ...node, content: await Promise.all(node.content.map(walk)) } : node
  }
  return walk(body)
}

export interface ExportedAttachment {
  ref: AttachmentRef
  /** Base64 JPEG, when the photo's bytes were embedded. */
  embedded: string | null
}

export const readExportedAttachment = (node: JsonNode): ExportedAttachment | null => {
  const attrs = (node.attrs ?? {}) as Record<string, unknown>
  const ref = readAttachmentRef(attrs)
  if (!ref) return null
  const embedded = typeof attrs.embedded === 'string' && /^[A-Za-z0-9+/]+=*$/.test(attrs.embedded) ? attrs.embedded : null
  return { ref, embedded: ref.kind === 'image' ? embedded : null }
}

/** The line of text standing for an attachment that is not embedded. */
export const attachmentAsText = (ref: AttachmentRef): string =>
  ref.kind === 'image' ? `[Photo${ref.alt ? `: ${ref.alt}` : ''}; not on this device]` : `Attached file: ${ref.name} (${formatBytes(ref.size)})`

/** Width and height to show a photo at, no wider than `maxWidth`. */
export const fitWithin = (ref: AttachmentRef, maxWidth: number): { width: number; height: number } => {
  const width = ref.width ?? maxWidth
  const height = ref.height ?? Math.round(maxWidth * 0.75)
  const scale = Math.min(1, maxWidth / width)
  return { width: Math.round(width * scale), height: Math.round(height * scale) }
}

export const base64ToBytes = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
