import { describe, expect, it } from 'vitest'
import type { AttachmentRef } from '../../../src/domain/attachments/attachment'
import { attachmentViewText, unreadableAttachmentText } from '../../../src/editor/attachment-view-text'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'

/**
 * Issue 16 (#12): a photo's or file's frame in the text was drawn in English whatever the
 * interface language ("Alt text missing", "Add alt text", "Loading photo…", "2.0 KB" beside
 * "bytes"). The editor now takes the interface's words.
 */
const photo: AttachmentRef = { hash: 'a'.repeat(64) as AttachmentRef['hash'], kind: 'image', mime: 'image/jpeg', name: 'mynedfa.jpg', size: 250_000, alt: '', width: 1600, height: 1200 }
const file: AttachmentRef = { ...photo, kind: 'file', mime: 'application/pdf', name: 'cofnodion.pdf', size: 512, width: null, height: null }
const welsh = { translate: makeTranslator('cy'), locale: () => 'cy' as const }

describe('the words in a photo’s or file’s frame', () => {
  it('are Welsh in a Welsh interface, and say so with lang', () => {
    const words = attachmentViewText(photo, welsh)
    expect(words).toMatchObject({
      lang: 'cy-GB',
      photoLabel: 'Llun: testun amgen ar goll',
      altMissing: 'Testun amgen ar goll',
      altButton: 'Ychwanegu testun amgen',
      loading: 'Yn llwytho’r llun…'
    })
    expect(attachmentViewText({ ...photo, alt: 'Mynedfa’r ganolfan' }, welsh)).toMatchObject({ photoLabel: 'Mynedfa’r ganolfan', altButton: 'Golygu’r testun amgen' })
    expect(attachmentViewText(file, welsh)).toMatchObject({ fileLabel: 'cofnodion.pdf (512 beit)', fileNotHere: expect.stringMatching(/^Nid yw ar y ddyfais hon eto/) })
    expect(unreadableAttachmentText(welsh)).toEqual({ lang: 'cy-GB', text: 'Atodiad na ellir ei ddangos.' })
  })

  it('are English, from the English catalogue, where no translator is given', () => {
    expect(attachmentViewText(photo, null)).toMatchObject({ lang: 'en-GB', altMissing: 'Alt text missing', photoLabel: 'Photo: alt text missing', altButton: 'Add alt text' })
    expect(attachmentViewText(file, null).fileLabel).toBe('cofnodion.pdf (512 bytes)')
    expect(attachmentViewText(file, { translate: makeTranslator('en'), locale: () => 'en' }).fileLabel).toBe('cofnodion.pdf (512 bytes)')
  })
})
