import { Document, Packer, Paragraph } from 'docx'
import { describe, expect, it } from 'vitest'
import { checkFileType } from '../../../src/app/attachments/check-file-type'

const text = (value: string) => new TextEncoder().encode(value)
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])
const PDF = text('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n')

describe('checkFileType', () => {
  it('accepts files whose bytes are what their names say', async () => {
    expect(await checkFileType('visit.png', 'image/png', PNG)).toEqual({ ok: true, kind: 'image', mime: 'image/png' })
    expect(await checkFileType('Minutes.PDF', '', PDF)).toEqual({ ok: true, kind: 'file', mime: 'application/pdf' })
    expect(await checkFileType('notes.txt', 'text/plain', text('Ynys Môn, 3 March'))).toMatchObject({ ok: true, kind: 'file' })
    const docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Plan')] }] })))
    expect(await checkFileType('plan.docx', '', docx)).toMatchObject({ ok: true, kind: 'file' })
  })

  it('accepts a pasted image named only by its type', async () => {
    expect(await checkFileType('', 'image/png', PNG)).toMatchObject({ ok: true, kind: 'image' })
  })

  it('refuses a file that is not what its name says, with a message', async () => {
    const html = await checkFileType('minutes.pdf', 'application/pdf', text('<html><script>alert(1)</script></html>'))
    expect(html.ok).toBe(false)
    expect(!html.ok && html.message).toContain('is not what its name says')
    expect((await checkFileType('photo.jpg', 'image/jpeg', PNG)).ok).toBe(false)
    expect((await checkFileType('notes.txt', 'text/plain', PNG)).ok).toBe(false)
    expect((await checkFileType('notes.txt', 'text/plain', new Uint8Array([0x61, 0, 0x62]))).ok).toBe(false)
  })

  it('refuses types Mutual does not attach', async () => {
    const exe = await checkFileType('setup.exe', 'application/octet-stream', new Uint8Array([0x4d, 0x5a, 0x90, 0]))
    expect(exe.ok).toBe(false)
    expect(!exe.ok && exe.message).toContain('not a type Mutual can attach')
  })
})
