import { For } from 'solid-js'
import type { ExcerptPart } from '../../../domain/search/excerpt'

/**
 * An excerpt with its matching words in <mark>. Built from text nodes only: content from the
 * workspace is never parsed as HTML.
 */
export const ExcerptText = (props: { parts: readonly ExcerptPart[] }) => (
  <For each={props.parts}>{(part) => (part.match ? <mark>{part.text}</mark> : <>{part.text}</>)}</For>
)
