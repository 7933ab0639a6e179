import { z } from 'zod'
import { MAX_ITEM_TEXT, MAX_TITLE_TEXT, SEARCH_KINDS } from './search-item'

/**
 * The search index as this device keeps it between visits (one record per workspace): what it
 * was read for, what of the workspace it covers, and the engine's own plain data. A record of
 * another format, or for another reader, or that does not parse, is not used: the index is
 * built from the workspace instead.
 */

/** Goes up whenever what is indexed, or how, changes: older records are then rebuilt. */
export const KEPT_SEARCH_INDEX_FORMAT = 1

/** A lab bigger than this is indexed afresh on each visit rather than kept (it would not fit well). */
export const MAX_KEPT_ITEMS = 50_000
export const MAX_KEPT_TEXT = 60_000_000

const MAX_ID = 400
const text = (max: number) => z.string().max(max)

const SearchTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text') }),
  z.object({ kind: z.literal('comment'), threadId: text(MAX_ID) }),
  z.object({ kind: z.literal('partner'), partnerId: text(MAX_ID) }),
  z.object({ kind: z.literal('board-note'), noteId: text(MAX_ID) }),
  z.object({ kind: z.literal('lab-plan') })
])

export const SearchItemSchema = z.object({
  id: text(MAX_ID * 2),
  artifactId: text(MAX_ID),
  kind: z.enum(SEARCH_KINDS),
  title: text(MAX_TITLE_TEXT),
  text: text(MAX_ITEM_TEXT),
  author: text(2000),
  council: text(2000),
  date: z.number().finite(),
  target: SearchTargetSchema
})

export const KeptSearchIndexSchema = z.object({
  format: z.literal(KEPT_SEARCH_INDEX_FORMAT),
  /** Whose view was indexed (private board notes differ between members). */
  reader: text(MAX_ID),
  /** A digest of the workspace state the index covers (crdt/search-coverage). */
  coverage: text(200),
  engine: z.object({
    // MiniSearch checks its own data as it loads it; here only its outline.
    index: z.looseObject({ documentCount: z.number().int().nonnegative(), serializationVersion: z.number() }),
    items: z.array(SearchItemSchema).max(MAX_KEPT_ITEMS)
  })
})
export type KeptSearchIndex = z.infer<typeof KeptSearchIndexSchema>

/** Whether a lab's items are small enough to keep. */
export const keepable = (items: readonly { text: string }[]): boolean =>
  items.length <= MAX_KEPT_ITEMS && items.reduce((n, item) => n + item.text.length, 0) <= MAX_KEPT_TEXT
