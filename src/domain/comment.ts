import { z } from 'zod'
import { formProblemsEn } from './i18n/areas/form-problems.en'
import { ActorSchema } from './artifact'

export const MAX_COMMENT_LENGTH = 5000

/** What a person types as a comment or reply; trimmed, never empty. */
export const CommentBodySchema = z
  .string()
  .trim()
  .min(1, formProblemsEn['form.problem.comment'])
  .max(MAX_COMMENT_LENGTH, `Use ${MAX_COMMENT_LENGTH.toLocaleString('en-GB')} characters or fewer`)

export const CommentReplySchema = z.object({
  id: z.string(),
  body: z.string(),
  createdBy: ActorSchema,
  createdAt: z.number()
})
export type CommentReply = z.infer<typeof CommentReplySchema>

/**
 * A comment thread on a stretch of text. `quote` is the text as it was when the comment was
 * made, so a thread whose text was later deleted still says what it was about.
 */
export const CommentThreadSchema = z.object({
  id: z.string(),
  quote: z.string(),
  body: z.string(),
  createdBy: ActorSchema,
  createdAt: z.number(),
  resolved: z.boolean(),
  resolvedBy: ActorSchema.nullable(),
  resolvedAt: z.number().nullable(),
  replies: z.array(CommentReplySchema)
})
export type CommentThread = z.infer<typeof CommentThreadSchema>

/** Where a thread's text is now: attached to a range of the document, or detached. */
export type CommentAnchorState = { status: 'attached'; from: number; to: number } | { status: 'detached' }

export const MAX_QUOTE_LENGTH = 280

/** The quote kept with a comment: whitespace collapsed and long selections shortened. */
export const makeQuote = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_QUOTE_LENGTH ? `${flat.slice(0, MAX_QUOTE_LENGTH - 1)}…` : flat
}
