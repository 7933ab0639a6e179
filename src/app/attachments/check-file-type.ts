import { fileTypeFromBuffer } from 'file-type/core'
import type { AttachmentKind } from '../../domain/attachments/attachment'

/**
 * Whether a chosen file is what its name and type say, by its first bytes ("magic bytes",
 * through the file-type package), before anything is stored. A renamed program or a page of
 * HTML named "minutes.pdf" is refused with a message; so is any type not listed here.
 */
interface Accepted {
  kind: AttachmentKind
  /** The type stored and shown, whatever the browser claimed. */
  mime: string
  /** What file-type reports for these bytes; null for plain text, which has no magic bytes. */
  detected: string | null
}

const ACCEPTED: Record<string, Accepted> = {
  jpg: { kind: 'image', mime: 'image/jpeg', detected: 'image/jpeg' },
  jpeg: { kind: 'image', mime: 'image/jpeg', detected: 'image/jpeg' },
  png: { kind: 'image', mime: 'image/png', detected: 'image/png' },
  webp: { kind: 'image', mime: 'image/webp', detected: 'image/webp' },
  gif: { kind: 'image', mime: 'image/gif', detected: 'image/gif' },
  pdf: { kind: 'file', mime: 'application/pdf', detected: 'application/pdf' },
  docx: { kind: 'file', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', detected: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { kind: 'file', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', detected: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { kind: 'file', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', detected: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  odt: { kind: 'file', mime: 'application/vnd.oasis.opendocument.text', detected: 'application/vnd.oasis.opendocument.text' },
  ods: { kind: 'file', mime: 'application/vnd.oasis.opendocument.spreadsheet', detected: 'application/vnd.oasis.opendocument.spreadsheet' },
  odp: { kind: 'file', mime: 'application/vnd.oasis.opendocument.presentation', detected: 'application/vnd.oasis.opendocument.presentation' },
  doc: { kind: 'file', mime: 'application/msword', detected: 'application/x-cfb' },
  xls: { kind: 'file', mime: 'application/vnd.ms-excel', detected: 'application/x-cfb' },
  ppt: { kind: 'file', mime: 'application/vnd.ms-powerpoint', detected: 'application/x-cfb' },
  txt: { kind: 'file', mime: 'text/plain', detected: null },
  csv: { kind: 'file', mime: 'text/csv', detected: null }
}

/** For the file picker's `accept`: every extension above. */
export const ACCEPTED_EXTENSIONS = Object.keys(ACCEPTED).map((ext) => `.${ext}`)

export type FileTypeCheck = { ok: true; kind: AttachmentKind; mime: string } | { ok: false; message: string }

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

/** Plain text has no magic bytes: it must decode as UTF-8 and hold no NUL (which binaries do). */
const looksLikeText = (bytes: Uint8Array): boolean => {
  if (bytes.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * Checks `bytes` against the file's name (and the browser's type, for a pasted image with no
 * useful name). Pasted and dropped images often arrive as "image.png": the name still decides.
 */
export const checkFileType = async (name: string, declaredMime: string, bytes: Uint8Array): Promise<FileTypeCheck> => {
  const fromName = ACCEPTED[extensionOf(name)]
  const fromMime = Object.values(ACCEPTED).find((a) => a.mime === declaredMime)
  const accepted = fromName ?? fromMime
  const label = name || 'This file'
  if (!accepted) {
    return { ok: false, message: `${label} is not a type Mutual can attach. Attach photos (JPEG, PNG, WebP, GIF), PDFs, office documents, or text files.` }
  }
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined)
  if (accepted.detected === null) {
    if (!detected && looksLikeText(bytes)) return { ok: true, kind: accepted.kind, mime: accepted.mime }
  } else if (detected?.mime === accepted.detected) {
    return { ok: true, kind: accepted.kind, mime: accepted.mime }
  }
  return {
    ok: false,
    message: `${label} is not what its name says (its contents are ${detected ? `a ${detected.ext.toUpperCase()} file` : 'not recognised'}). Nothing was added.`
  }
}
