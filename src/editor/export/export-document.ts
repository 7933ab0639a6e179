import type { ArtifactKind } from '../../domain/artifact'
import type { JsonNode } from './document-json'

/**
 * Everything an export shows: the document's title and body, the note's details or the
 * report's title page. Built by the caller from the workspace; the converters are pure.
 */
export interface ExportDocument {
  kind: Extract<ArtifactKind, 'note' | 'report'>
  title: string
  body: JsonNode
  /** For a report: the title page. */
  titlePage?: {
    labName: string
    councils: readonly string[]
    /** "Councils:" in the language of the interface, where a format needs the word (Markdown). */
    councilsLabel?: string
    /** Already formatted for people, e.g. "14 March 2026". */
    date: string
  }
  /** For a note: its details as label/value pairs, in order (empty values left out). */
  details?: readonly { label: string; value: string }[]
}
