import { concatBytes } from '../concat-bytes'

/**
 * Removes every metadata segment from a JPEG: APP1 to APP15 (EXIF with its GPS position, XMP,
 * ICC and maker notes) and comments. Drawing a photo on a canvas and encoding it again
 * already leaves them behind; this runs on the result as well, so a browser that one day
 * copies metadata across still cannot put a site visit's location into the workspace.
 * APP0 (JFIF: pixel density only) is kept. Null when the bytes are not a well-formed JPEG.
 *
 * Layout (ITU T.81, B.1): SOI (FF D8); then segments, each FF, a marker byte and, except for
 * standalone markers, a two-byte big-endian length that counts itself; after SOS (FF DA) the
 * compressed image runs to the end and is copied as it is.
 */
const SOI = 0xd8
const SOS = 0xda
const COM = 0xfe
const isStandalone = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)
const isMetadata = (marker: number): boolean => (marker >= 0xe1 && marker <= 0xef) || marker === COM

export const stripJpegMetadata = (bytes: Uint8Array): Uint8Array | null => {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return null
  const kept: Uint8Array[] = [bytes.subarray(0, 2)]
  let at = 2
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1]
    if (marker === undefined) return null
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (isStandalone(marker)) {
      kept.push(bytes.subarray(at, at + 2))
      at += 2
      continue
    }
    if (at + 4 > bytes.length) return null
    const length = ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number)
    if (length < 2 || at + 2 + length > bytes.length) return null
    if (marker === SOS) {
      kept.push(bytes.subarray(at))
      break
    }
    if (!isMetadata(marker)) kept.push(bytes.subarray(at, at + 2 + length))
    at += 2 + length
  }
  return concatBytes(kept)
}

/** Whether a JPEG still carries an EXIF segment (APP1 starting "Exif\0\0"). */
export const jpegHasExif = (bytes: Uint8Array): boolean => {
  const exif = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]
  for (let i = 0; i + 10 <= bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xe1 && exif.every((b, j) => bytes[i + 4 + j] === b)) return true
  }
  return false
}
