import qrcode from 'qrcode-generator'

export interface QrPath {
  /** Modules per side, including the 4-module quiet zone on each edge. */
  size: number
  /** One SVG path drawing every dark module, in module units. */
  path: string
}

const QUIET_ZONE = 4

/**
 * A QR code as an SVG path, built from qrcode-generator's module matrix: drawn by the page
 * itself (no image from anywhere), crisp at any size. Error correction M survives a scuffed
 * phone screen or a photocopy. Null when the text is more than a QR code holds (about 2,300
 * bytes at M): a link with many addresses and a long membership history can be.
 */
export const makeQrPath = (text: string): QrPath | null => {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  try {
    qr.make()
  } catch {
    return null
  }
  const count = qr.getModuleCount()
  const parts: string[] = []
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      // Runs of dark modules in a row become one rectangle: a much shorter path.
      if (!qr.isDark(row, col)) continue
      let run = 1
      while (col + run < count && qr.isDark(row, col + run)) run++
      parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`)
      col += run - 1
    }
  }
  return { size: count + QUIET_ZONE * 2, path: parts.join('') }
}
