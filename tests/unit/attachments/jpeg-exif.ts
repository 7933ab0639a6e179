/**
 * A tiny JPEG-shaped file with an EXIF segment carrying a GPS position, built byte by byte
 * (no fixture in the repo). Enough structure for the segment walker: SOI, APP0 (JFIF), APP1
 * (Exif with a GPS IFD pointer and latitude tag), a comment, a quantisation table, SOS and
 * some "image data", EOI.
 */
const segment = (marker: number, payload: number[]): number[] => {
  const length = payload.length + 2
  return [0xff, marker, length >> 8, length & 0xff, ...payload]
}
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0))

export const GPS_MARKER_TEXT = 'GPSLatitude=51.4816N'

export const jpegWithGpsExif = (): Uint8Array => {
  const tiff = [
    ...ascii('MM'), 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
    // IFD0: one entry, GPSInfo (0x8825) pointing at offset 26
    0x00, 0x01, 0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1a, 0x00, 0x00, 0x00, 0x00,
    ...ascii(GPS_MARKER_TEXT)
  ]
  return new Uint8Array([
    0xff, 0xd8,
    ...segment(0xe0, [...ascii('JFIF'), 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    ...segment(0xe1, [...ascii('Exif'), 0x00, 0x00, ...tiff]),
    ...segment(0xfe, ascii('taken at the community centre')),
    ...segment(0xdb, [0x00, ...new Array(64).fill(1)]),
    ...segment(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
    0x12, 0x34, 0x56, 0xff, 0x00, 0x78,
    0xff, 0xd9
  ])
}

export const containsText = (bytes: Uint8Array, text: string): boolean => new TextDecoder('latin1').decode(bytes).includes(text)
