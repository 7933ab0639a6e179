import JSZip from 'jszip'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { toDocx } from '../../../src/editor/export/docx'
import type { ExportDocument } from '../../../src/editor/export/export-document'
import { toHtml } from '../../../src/editor/export/html'
import { toMarkdown } from '../../../src/editor/export/markdown'
import { fixtureBody } from './fixture-document'

const report = (): ExportDocument => ({
  kind: 'report',
  title: 'Food lab report',
  body: fixtureBody().json,
  titlePage: { labName: 'Food lab', councils: ['Oldham Council', 'Preston City Council'], date: '14 March 2026' }
})

const note = (): ExportDocument => ({
  kind: 'note',
  title: 'Interview at the food hub',
  body: fixtureBody().json,
  details: [
    { label: 'Type', value: 'Interview' },
    { label: 'Date', value: '14 March 2026' },
    { label: 'Participants', value: 'Asha Patel, Ben Okafor' }
  ]
})

describe('Markdown export', () => {
  it('keeps headings, emphasis, links, nested lists, quotes, tables and rules, with the title page', () => {
    expect(toMarkdown(report())).toBe(
      [
        '# Food lab report',
        '',
        '**Food lab**  ',
        'Councils: Oldham Council, Preston City Council  ',
        '14 March 2026',
        '',
        '## Summary',
        '',
        'Residents told us the **food hub** is _trusted_ and <u>open late</u>. See the [council page](https://www.oldham.gov.uk/food) and this.',
        '',
        '### What we heard',
        '',
        '- Cost of living',
        '  - Energy bills',
        '- Trust in \\*services\\*',
        '',
        '1. Map the hubs',
        '2. Fund a coordinator',
        '',
        '> We come because nobody judges you here.',
        '',
        '| Council | Hubs |',
        '| --- | --- |',
        '| Oldham | 12 |',
        '| Preston | 7 \\| planned |',
        '',
        '---',
        '',
        '\\<script\\>alert("x")\\</script\\> stays text',
        ''
      ].join('\n')
    )
  })

  it('a note lists its details under the title', () => {
    const markdown = toMarkdown(note())
    expect(markdown.startsWith('# Interview at the food hub\n\n- **Type:** Interview\n- **Date:** 14 March 2026\n- **Participants:** Asha Patel, Ben Okafor\n\n## Summary')).toBe(true)
  })

  it('keeps spaces outside emphasis and joins runs that share a mark', () => {
    const body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a ' },
            { type: 'text', text: 'bold ', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'and italic', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'text', text: ' end' }
          ]
        }
      ]
    }
    expect(toMarkdown({ kind: 'note', title: 'T', body })).toBe('# T\n\na **bold _and italic_** end\n')
  })
})

describe('HTML export', () => {
  const html = toHtml(report())

  it('is a standalone page with the title page first', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en-GB">')).toBe(true)
    expect(html).toContain('<title>Food lab report</title>')
    expect(html).toContain(
      '<header class="title-page">\n<h1>Food lab report</h1>\n<p class="lab">Food lab</p>\n<p class="councils">Oldham Council, Preston City Council</p>\n<p class="date">14 March 2026</p>\n</header>'
    )
    expect(html).toContain('@media print')
  })

  it('keeps the structure and marks of the body', () => {
    expect(html).toContain('<h2>Summary</h2>')
    expect(html).toContain('<h3>What we heard</h3>')
    expect(html).toContain(
      '<p>Residents told us the <strong>food hub</strong> is <em>trusted</em> and <u>open late</u>. See the <a href="https://www.oldham.gov.uk/food">council page</a> and this.</p>'
    )
    expect(html).toContain('<ul><li><p>Cost of living</p>\n<ul><li><p>Energy bills</p></li></ul></li><li><p>Trust in *services*</p></li></ul>')
    expect(html).toContain('<ol><li><p>Map the hubs</p></li><li><p>Fund a coordinator</p></li></ol>')
    expect(html).toContain('<blockquote><p>We come because nobody judges you here.</p></blockquote>')
    expect(html).toContain('<thead><tr><th scope="col"><p>Council</p></th><th scope="col"><p>Hubs</p></th></tr></thead>')
    expect(html).toContain('<tr><td><p>Preston</p></td><td><p>7 | planned</p></td></tr>')
    expect(html).toContain('<hr>')
  })

  it('is inert: no scripts, no unsafe links, text escaped', () => {
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toContain('javascript:')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; stays text')
  })
})

describe('Word export', () => {
  it('writes Word headings, lists, a table, links and emphasis that Word (and mammoth) read back', async () => {
    const bytes = await toDocx(report())
    const zip = await JSZip.loadAsync(bytes)
    const xml = await zip.file('word/document.xml')!.async('string')
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
    // Title page: Word's Title style, lab name, councils, date, then a page break.
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>.*Food lab report/)
    expect(xml).toContain('Oldham Council, Preston City Council')
    expect(xml).toContain('14 March 2026')
    expect(xml).toContain('<w:br w:type="page"/>')
    // Headings use Word's own styles.
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>).)*Summary/)
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*What we heard/)
    // Lists are real numbered paragraphs, nested one level for "Energy bills".
    expect(xml).toMatch(/<w:ilvl w:val="1"\/>(?:(?!<\/w:p>).)*Energy bills/)
    expect(xml).toContain('<w:tbl>')
    expect(xml).toContain('<w:tblHeader/>')
    // The safe link is a hyperlink to its address; the unsafe one is plain text.
    expect(rels).toContain('Target="https://www.oldham.gov.uk/food"')
    expect(rels).not.toContain('javascript')
    expect(xml).not.toContain('javascript')

    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
    expect(html).toContain('<h1>Summary</h1>')
    expect(html).toContain('<h2>What we heard</h2>')
    expect(html).toContain('<strong>food hub</strong>')
    expect(html).toContain('<em>trusted</em>')
    expect(html).toContain('<a href="https://www.oldham.gov.uk/food">council page</a>')
    expect(html).toMatch(/<ul><li>Cost of living<ul><li>Energy bills<\/li><\/ul><\/li><li>Trust in \*services\*<\/li><\/ul>/)
    expect(html).toContain('<ol><li>Map the hubs</li><li>Fund a coordinator</li></ol>')
    expect(html).toMatch(/<table><thead><tr><th><p>Council<\/p><\/th><th><p>Hubs<\/p><\/th><\/tr><\/thead><tbody><tr><td><p>Oldham<\/p><\/td>/)
    expect(html).toContain('We come because nobody judges you here.')
    expect(html).toContain('&lt;script&gt;alert("x")&lt;/script&gt; stays text')
    // mammoth ignores underline; Word's XML has it on the right words.
    expect(xml).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>).)*open late/)
  })

  it('a note starts with its title and a table of its details', async () => {
    const bytes = await toDocx(note())
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
    expect(html.startsWith('<h1>Interview at the food hub</h1>') || html.includes('Interview at the food hub')).toBe(true)
    expect(html).toMatch(/<table><tr><td><p><strong>Type<\/strong><\/p><\/td><td><p>Interview<\/p><\/td><\/tr>/)
    expect(html).toContain('Asha Patel, Ben Okafor')
  })

  it('numbered lists each restart at 1', async () => {
    const list = (items: string[]) => ({
      type: 'orderedList',
      content: items.map((t) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: t }] }] }))
    })
    const body = { type: 'doc', content: [list(['a', 'b']), { type: 'paragraph', content: [{ type: 'text', text: 'between' }] }, list(['c'])] }
    const zip = await JSZip.loadAsync(await toDocx({ kind: 'note', title: 'Lists', body }))
    const xml = await zip.file('word/document.xml')!.async('string')
    const ids = [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1])
    expect(ids).toHaveLength(3)
    expect(ids[0]).toBe(ids[1])
    expect(ids[2]).not.toBe(ids[0])
  })

  it('sets the document language to the export language, so Word proofs a Welsh report as Welsh', async () => {
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Adroddiad' }] }] }
    const styles = async (lang: string | undefined): Promise<string> => {
      const zip = await JSZip.loadAsync(await toDocx({ kind: 'report', lang, title: 'T', body }))
      return zip.file('word/styles.xml')!.async('string')
    }
    expect(await styles('cy-GB')).toMatch(/<w:docDefaults>.*<w:lang w:val="cy-GB"\/>.*<\/w:docDefaults>/s)
    expect(await styles('en-GB')).toMatch(/<w:docDefaults>.*<w:lang w:val="en-GB"\/>.*<\/w:docDefaults>/s)
    expect(await styles(undefined)).toMatch(/<w:docDefaults>.*<w:lang w:val="en-GB"\/>.*<\/w:docDefaults>/s)
  })
})
