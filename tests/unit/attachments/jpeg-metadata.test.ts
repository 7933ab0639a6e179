import { describe, expect, it } from 'vitest'
import { jpegHasExif, stripJpegMetadata } from '../../../src/domain/attachments/jpeg-metadata'
import { containsText, GPS_MARKER_TEXT, jpegWithGpsExif } from './jpeg-exif'

describe('stripJpegMetadata', () => {
  it('takes the EXIF segment with its GPS position and comments out of a photo, keeping the image', () => {
    const photo = jpegWithGpsExif()
    expect(jpegHasExif(photo)).toBe(true)
    expect(containsText(photo, GPS_MARKER_TEXT)).toBe(true)

    const clean = stripJpegMetadata(photo)
    expect(clean).not.toBeNull()
    expect(jpegHasExif(clean!)).toBe(false)
    expect(containsText(clean!, GPS_MARKER_TEXT)).toBe(false)
    expect(containsText(clean!, 'community centre')).toBe(false)
    // JFIF, the quantisation table and the image data are all still there, in order.
    expect(containsText(clean!, 'JFIF')).toBe(true)
    expect([...clean!.slice(-8)]).toEqual([0x12, 0x34, 0x56, 0xff, 0x00, 0x78, 0xff, 0xd9])
  })

  it('leaves a photo with no metadata as it was', () => {
    const clean = stripJpegMetadata(jpegWithGpsExif())!
    expect(stripJpegMetadata(clean)).toEqual(clean)
  })

  it('refuses what is not a well-formed JPEG', () => {
    expect(stripJpegMetadata(new TextEncoder().encode('not a photo'))).toBeNull()
    const cut = jpegWithGpsExif().slice(0, 30)
    expect(stripJpegMetadata(cut)).toBeNull()
  })
})
