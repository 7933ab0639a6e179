import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { fillWarmUpSample } from '../../../src/editor/warm-up-editor'

afterEach(() => vi.restoreAllMocks())

describe('the editor warm-up sample', () => {
  it('is written without reading a text before it is in a document (Yjs warns on the console then)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('warm-up')
    fillWarmUpSample(fragment)
    expect(warn.mock.calls.map((args) => String(args[0]))).toEqual([])
    // Headings, marks, a link and a list all there: every step of drawing a document runs.
    const xml = fragment.toString()
    expect(fragment.length).toBe(14)
    expect(xml).toContain('<heading level="2">Warming up</heading>')
    expect(xml).toContain('<bold>some bold</bold>')
    expect(xml).toContain('<link href="http://127.0.0.1/"> and a link.</link>')
    // Yjs writes element names in lower case.
    expect(xml).toContain('<bulletlist><listitem><paragraph>An item</paragraph></listitem></bulletlist>')
  })
})
