import type { JsonNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'

// Marks of one type that overlap are kept in Yjs as `bold--<hash>`; the mark is `bold`.
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/
const markName = (attribute: string): string => HASHED_MARK_NAME.exec(attribute)?.[1] ?? attribute

const textNodes = (text: Y.XmlText): JsonNode[] =>
  (text.toDelta() as { insert: string; attributes?: Record<string, Record<string, unknown>> }[]).map((run) => ({
    type: 'text',
    text: run.insert,
    ...(run.attributes ? { marks: Object.entries(run.attributes).map(([name, attrs]) => ({ type: markName(name), attrs })) } : {})
  }))

const nodes = (item: Y.XmlElement | Y.XmlText | Y.XmlHook): JsonNode[] => {
  if (item instanceof Y.XmlText) return textNodes(item)
  if (!(item instanceof Y.XmlElement)) return []
  const attrs = item.getAttributes()
  const children = item.toArray()
  return [
    {
      type: item.nodeName,
      ...(Object.keys(attrs).length ? { attrs } : {}),
      ...(children.length ? { content: children.flatMap(nodes) } : {})
    }
  ]
}

/**
 * The body as editor JSON, read straight from Yjs (for exports and read-only views), as the
 * collaboration binding's own reader does it (y-tiptap's yXmlFragmentToProsemirrorJSON). Read
 * here rather than through y-tiptap, which brings ProseMirror's view with it: the lab plan draws
 * its answers with this before any editor's code has loaded.
 */
export const readBodyJson = (fragment: Y.XmlFragment): JsonNode => ({ type: 'doc', content: fragment.toArray().flatMap(nodes) })
