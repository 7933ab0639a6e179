/// <reference lib="webworker" />
import { PHOTO_LONGEST_SIDE } from '../../domain/attachments/limits'
import { stripJpegMetadata } from '../../domain/attachments/jpeg-metadata'

/**
 * Makes a photo ready to keep, off the page's thread: decodes it (turned upright by its own
 * orientation), scales it so its longest side is at most PHOTO_LONGEST_SIDE, and encodes it
 * again as JPEG. Encoding again leaves the original's metadata (EXIF, GPS position) behind;
 * stripJpegMetadata makes sure of it. A file the browser cannot decode is reported, not kept.
 *
 * In: { bytes: Uint8Array }. Out: { ok: true, bytes, width, height } or { ok: false, problem }.
 */
const QUALITY = 0.82

const prepare = async (bytes: Uint8Array): Promise<{ ok: true; bytes: Uint8Array; width: number; height: number } | { ok: false; problem: 'undecodable' | 'failed' }> => {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart]), { imageOrientation: 'from-image' })
  } catch {
    return { ok: false, problem: 'undecodable' }
  }
  try {
    const scale = Math.min(1, PHOTO_LONGEST_SIDE / Math.max(bitmap.width, bitmap.height))
    const width = Math.max(1, Math.round(bitmap.width * scale))
    const height = Math.max(1, Math.round(bitmap.height * scale))
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')
    if (!context) return { ok: false, problem: 'failed' }
    // JPEG has no transparency: a transparent PNG goes on white, as it would print.
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, width, height)
    context.imageSmoothingQuality = 'high'
    context.drawImage(bitmap, 0, 0, width, height)
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY })
    const clean = stripJpegMetadata(new Uint8Array(await blob.arrayBuffer()))
    return clean ? { ok: true, bytes: clean, width, height } : { ok: false, problem: 'failed' }
  } finally {
    bitmap.close()
  }
}

self.onmessage = async (event: MessageEvent<unknown>) => {
  const data = event.data as { bytes?: unknown } | null
  if (!(data?.bytes instanceof Uint8Array)) {
    self.postMessage({ ok: false, problem: 'failed' })
    return
  }
  const result = await prepare(data.bytes).catch(() => ({ ok: false as const, problem: 'failed' as const }))
  if (result.ok) self.postMessage(result, [result.bytes.buffer as ArrayBuffer])
  else self.postMessage(result)
}
