import * as Y from 'yjs'

/**
 * True when a transaction's events are all inside rich text (an artifact's body, which the
 * editor owns). Typing produces only these, and structured data (details, tags, partners,
 * boards, comments) never lives in XML types, so readers of structured data can skip them:
 * without this, every keystroke re-read every projection that observes an artifact deeply.
 * (Y.XmlElement extends Y.XmlFragment, so both are covered by one check.)
 */
export const onlyRichTextChanges = (events: readonly Y.YEvent<any>[]): boolean =>
  events.length > 0 && events.every((event) => event.target instanceof Y.XmlFragment || event.target instanceof Y.XmlText)
