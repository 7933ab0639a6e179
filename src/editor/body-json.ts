import { yXmlFragmentToProsemirrorJSON, type JsonNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

/** The body as editor JSON, read straight from Yjs (for exports and read-only views). */
export const readBodyJson = (fragment: Y.XmlFragment): JsonNode => {
  const json = yXmlFragmentToProsemirrorJSON(fragment)
  return { type: 'doc', content: json.content ?? [] }
}
