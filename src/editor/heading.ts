import { Node, mergeAttributes, textblockTypeInputRule } from '@tiptap/core'

/** The heading levels a document may use; level 1 headings are a report's sections. */
export const HEADING_LEVELS = [1, 2, 3] as const
export type HeadingLevel = (typeof HEADING_LEVELS)[number]

const clampLevel = (value: unknown): HeadingLevel => {
  const level = Number(value)
  return level >= 1 && level <= 3 ? (Math.round(level) as HeadingLevel) : 3
}

/**
 * Headings, with two differences from TipTap's own:
 * - every heading carries a stable `sectionId` (see section-ids.ts), which report section
 *   assignments are keyed by, so they survive edits, moves and concurrent typing;
 * - a document's level-1 heading is shown as <h2>, level 2 as <h3> and so on, because the page
 *   around the editor already has the document title as its <h1>; the outline of the page
 *   stays correct for screen-reader users. `data-level` keeps the level when copied.
 */
export const SectionHeading = Node.create({
  name: 'heading',
  content: 'inline*',
  group: 'block',
  defining: true,

  addAttributes() {
    return {
      level: { default: 1, rendered: false },
      sectionId: {
        default: null,
        keepOnSplit: false,
        parseHTML: (element) => element.getAttribute('data-section-id'),
        renderHTML: (attributes) =>
          typeof attributes.sectionId === 'string' ? { 'data-section-id': attributes.sectionId } : {}
      }
    }
  },

  parseHTML() {
    return [
      // Our own headings, copied within or between documents, keep their level.
      {
        tag: 'h2[data-level], h3[data-level], h4[data-level]',
        priority: 60,
        getAttrs: (element) => ({ level: clampLevel((element as HTMLElement).getAttribute('data-level')) })
      },
      { tag: 'h1', attrs: { level: 1 } },
      { tag: 'h2', attrs: { level: 2 } },
      { tag: 'h3', attrs: { level: 3 } },
      { tag: 'h4', attrs: { level: 3 } },
      { tag: 'h5', attrs: { level: 3 } },
      { tag: 'h6', attrs: { level: 3 } }
    ]
  },

  renderHTML({ node, HTMLAttributes }) {
    const level = clampLevel(node.attrs.level)
    return [`h${level + 1}`, mergeAttributes(HTMLAttributes, { 'data-level': String(level) }), 0]
  },

  addCommands() {
    return {
      setHeading:
        (attributes) =>
        ({ commands }) =>
          HEADING_LEVELS.includes(attributes.level as HeadingLevel) && commands.setNode(this.name, attributes),
      toggleHeading:
        (attributes) =>
        ({ commands }) =>
          HEADING_LEVELS.includes(attributes.level as HeadingLevel) &&
          commands.toggleNode(this.name, 'paragraph', attributes)
    }
  },

  addKeyboardShortcuts() {
    return Object.fromEntries(
      HEADING_LEVELS.map((level) => [`Mod-Alt-${level}`, () => this.editor.commands.toggleHeading({ level })])
    )
  },

  addInputRules() {
    return HEADING_LEVELS.map((level) =>
      textblockTypeInputRule({ find: new RegExp(`^(#{1,${level}})\\s$`), type: this.type, getAttributes: { level } })
    )
  }
})
