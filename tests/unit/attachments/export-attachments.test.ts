import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import type { AttachmentRef } from '../../../src/domain/attachments/attachment'
import { contentHash } from '../../../src/domain/attachments/content-hash'
import { toDocx } from '../../../src/editor/export/docx'
import { embedAttachments } from '../../../src/editor/export/export-attachments'
import { toHtml } from '../../../src/editor/export/html'
import { toMarkdown } from '../../../src/editor/export/markdown'
import type { ExportDocument } from '../../../src/editor/export/export-document'
import { jpegWithGpsExif } from './jpeg-exif'

const photo = jpegWithGpsExif()

const noteWith = async (refs: Partial<AttachmentRef>[]): Promise<{ document: ExportDocument; hash: string }> => {
  const hash = await contentHash(photo)
  const base: AttachmentRef = { hash, kind: 'image', mime: 'image/jpeg', name: 'entrance.jpg', size: photo.length, alt: 'The entrance, with a step', width: 1600, height: 1200 }
  const body = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Site visit' }] }, ...refs.map((r) => ({ type: 'attachment', attrs: { ...base, ...r } }))]
  }
  return { document: { kind: 'note', title: 'Visit', body }, hash }
}

const readPhoto = async (hash: string) => ((await contentHash(photo)) === hash ? photo : null)

describe('attachments in exports', () => {
  it('puts a photo in the Word document, with its alt text', async () => {
    const { document } = await noteWith([{}])
    const docx = await toDocx({ ...document, body: await embedAttachments(document.body, readPhoto) })
    const zip = await JSZip.loadAsync(docx)
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))
    expect(media).toHaveLength(1)
    expect(new Uint8Array(await zip.file(media[0]!)!.async('uint8array'))).toEqual(photo)
    expect(await zip.file('word/document.xml')!.async('string')).toContain('descr="The entrance, with a step"')
  })

  it('puts a photo in the web page, and names photos and files in Markdown', async () => {
    const { document } = await noteWith([{}, { kind: 'file', mime: 'application/pdf', name: 'minutes.pdf', size: 2048, alt: '', width: null, height: null }])
    const embedded = { ...document, body: await embedAttachments(document.body, readPhoto) }
    const html = toHtml(embedded)
    expect(html).toContain('<img src="data:image/jpeg;base64,')
    expect(html).toContain('alt="The entrance, with a step"')
    expect(html).toContain('Attached file: minutes.pdf (2.0 KB)')
    expect(toMarkdown(document)).toContain('Attached file: minutes.pdf')
  })

  it('embeds only this device’s bytes, never a value a peer stored in the node', async () => {
    const { document } = await noteWith([{ embedded: 'PHNjcmlwdD4=' } as Partial<AttachmentRef>])
    const html = toHtml({ ...document, body: await embedAttachments(document.body, async () => null) })
    expect(html).not.toContain('PHNjcmlwdD4=')
    expect(html).toContain('[Photo: The entrance, with a step; not on this device]')
  })
})
