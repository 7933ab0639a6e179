import * as Y from 'yjs'
import { holdingItemOf } from './adapters/yjs-internals'
import { ActorSchema, type Actor } from '../domain/artifact'
import { formProblemsEn } from '../domain/i18n/areas/form-problems.en'
import {
  CommentBodySchema,
  CommentReplySchema,
  CommentThreadSchema,
  makeQuote,
  type CommentReply,
  type CommentThread
} from '../domain/comment'
import { makeArtifactId, type ArtifactId } from '../domain/ids'
import { artifactMap } from './artifacts'
import { mutate } from './mutate'

/**
 * Comment threads of one artifact: a map in the artifact's map, thread id → thread map. A
 * thread's anchor is a pair of Yjs relative positions (encoded), which name the characters
 * the comment is about rather than an offset, so it follows that text through anyone's
 * edits. When that text is deleted the thread stays; it is shown as detached.
 */
export const COMMENTS_FIELD = 'comments'

const T = {
  quote: 'quote',
  body: 'body',
  createdBy: 'createdBy',
  createdAt: 'createdAt',
  resolved: 'resolved',
  resolvedBy: 'resolvedBy',
  resolvedAt: 'resolvedAt',
  start: 'anchorStart',
  end: 'anchorEnd',
  replies: 'replies'
} as const

/** A comment's anchor: where its text starts (sticks to the first character) and ends. */
export interface CommentAnchor {
  start: Y.RelativePosition
  end: Y.RelativePosition
}

export type CommentResult<T> = { ok: true; value: T } | { ok: false; message: string }

const threadsOf = (doc: Y.Doc, id: ArtifactId, create: boolean): Y.Map<Y.Map<unknown>> | null => {
  const record = artifactMap(doc, id)
  if (!record) return null
  const existing = record.get(COMMENTS_FIELD)
  if (existing instanceof Y.Map) return existing as Y.Map<Y.Map<unknown>>
  if (!create) return null
  // Artifacts made before comments existed get their map from the first comment.
  const made = new Y.Map<Y.Map<unknown>>()
  record.set(COMMENTS_FIELD, made)
  return made
}

const threadOf = (doc: Y.Doc, id: ArtifactId, threadId: string): Y.Map<unknown> | null => {
  const thread = threadsOf(doc, id, false)?.get(threadId)
  return thread instanceof Y.Map ? thread : null
}

/**
 * Anchor positions inside text stick to a character: the start to the first commented
 * character (so typing just before it stays outside), the end to the last one.
 */
export const makeTextAnchor = (start: { type: Y.AbstractType<any>; index: number }, end: { type: Y.AbstractType<any>; index: number }): CommentAnchor => ({
  start: Y.createRelativePositionFromTypeIndex(start.type, start.index, 0),
  end: Y.createRelativePositionFromTypeIndex(end.type, end.index, -1)
})

/** Starts a thread on the anchored text. */
export const addComment = (
  doc: Y.Doc,
  id: ArtifactId,
  input: { anchor: CommentAnchor; quote: string; body: string },
  actor: Actor,
  now: number
): CommentResult<string> => {
  const body = CommentBodySchema.safeParse(input.body)
  if (!body.success) return { ok: false, message: body.error.issues[0]?.message ?? formProblemsEn['form.problem.comment'] }
  return mutate(doc, () => {
    const threads = threadsOf(doc, id, true)
    if (!threads) return { ok: false, message: formProblemsEn['form.problem.commentDocumentGone'] }
    const threadId = makeArtifactId()
    const thread = new Y.Map<unknown>()
    thread.set(T.quote, makeQuote(input.quote))
    thread.set(T.body, body.data)
    thread.set(T.createdBy, actor)
    thread.set(T.createdAt, now)
    thread.set(T.resolved, false)
    thread.set(T.resolvedBy, null)
    thread.set(T.resolvedAt, null)
    thread.set(T.start, Y.encodeRelativePosition(input.anchor.start))
    thread.set(T.end, Y.encodeRelativePosition(input.anchor.end))
    thread.set(T.replies, new Y.Map<unknown>())
    threads.set(threadId, thread)
    return { ok: true, value: threadId }
  })
}

/** Adds a reply to a thread (replies are kept in the order they were written). */
export const replyToComment = (
  doc: Y.Doc,
  id: ArtifactId,
  threadId: string,
  text: string,
  actor: Actor,
  now: number
): CommentResult<string> => {
  const body = CommentBodySchema.safeParse(text)
  if (!body.success) return { ok: false, message: body.error.issues[0]?.message ?? formProblemsEn['form.problem.comment'] }
  return mutate(doc, () => {
    const thread = threadOf(doc, id, threadId)
    const replies = thread?.get(T.replies)
    if (!(replies instanceof Y.Map)) return { ok: false, message: formProblemsEn['form.problem.commentGone'] }
    const replyId = makeArtifactId()
    const reply: CommentReply = { id: replyId, body: body.data, createdBy: actor, createdAt: now }
    replies.set(replyId, reply)
    return { ok: true, value: replyId }
  })
}

/** Resolves or reopens a thread; who did it and when is kept. */
export const setCommentResolved = (
  doc: Y.Doc,
  id: ArtifactId,
  threadId: string,
  resolved: boolean,
  actor: Actor,
  now: number
): boolean =>
  mutate(doc, () => {
    const thread = threadOf(doc, id, threadId)
    if (!thread) return false
    thread.set(T.resolved, resolved)
    thread.set(T.resolvedBy, resolved ? actor : null)
    thread.set(T.resolvedAt, resolved ? now : null)
    return true
  })

const readReplies = (value: unknown): CommentReply[] => {
  if (!(value instanceof Y.Map)) return []
  const replies: CommentReply[] = []
  value.forEach((reply) => {
    const parsed = CommentReplySchema.safeParse(reply)
    if (parsed.success) replies.push(parsed.data)
  })
  return replies.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/** The threads of an artifact, oldest first; malformed ones from a peer are left out. */
export const readCommentThreads = (doc: Y.Doc, id: ArtifactId): CommentThread[] => {
  const threads = threadsOf(doc, id, false)
  if (!threads) return []
  const result: CommentThread[] = []
  threads.forEach((thread, threadId) => {
    if (!(thread instanceof Y.Map)) return
    const resolvedBy = ActorSchema.nullable().safeParse(thread.get(T.resolvedBy) ?? null)
    const parsed = CommentThreadSchema.safeParse({
      id: threadId,
      quote: thread.get(T.quote),
      body: thread.get(T.body),
      createdBy: thread.get(T.createdBy),
      createdAt: thread.get(T.createdAt),
      resolved: thread.get(T.resolved) === true,
      resolvedBy: resolvedBy.success ? resolvedBy.data : null,
      resolvedAt: typeof thread.get(T.resolvedAt) === 'number' ? thread.get(T.resolvedAt) : null,
      replies: readReplies(thread.get(T.replies))
    })
    if (parsed.success) result.push(parsed.data)
  })
  return result.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

const decode = (value: unknown): Y.RelativePosition | null => {
  if (!(value instanceof Uint8Array)) return null
  try {
    return Y.decodeRelativePosition(value)
  } catch {
    // A peer sent bytes that are not a relative position: treat the thread as detached.
    return null
  }
}

/** Every thread's anchor; a thread whose anchor cannot be read is absent (so: detached). */
export const readCommentAnchors = (doc: Y.Doc, id: ArtifactId): Map<string, CommentAnchor> => {
  const anchors = new Map<string, CommentAnchor>()
  threadsOf(doc, id, false)?.forEach((thread, threadId) => {
    if (!(thread instanceof Y.Map)) return
    const start = decode(thread.get(T.start))
    const end = decode(thread.get(T.end))
    if (start && end) anchors.set(threadId, { start, end })
  })
  return anchors
}

/** The map to observe for changes to an artifact's comments (null if it has none yet). */
export const commentsMap = (doc: Y.Doc, id: ArtifactId): Y.AbstractType<any> | null => threadsOf(doc, id, false)

/**
 * Where an anchor points now, in Yjs terms, or null when its text is gone: both ends in
 * one deleted stretch, or inside a deleted paragraph. The editor works in its own positions
 * (see editor/comment-anchors); this is the same rule for code without an editor.
 */
export const resolveCommentAnchor = (
  doc: Y.Doc,
  anchor: CommentAnchor
): { start: Y.AbsolutePosition; end: Y.AbsolutePosition } | null => {
  const start = Y.createAbsolutePositionFromRelativePosition(anchor.start, doc)
  const end = Y.createAbsolutePositionFromRelativePosition(anchor.end, doc)
  if (!start || !end) return null
  const gone = (type: Y.AbstractType<any>): boolean => {
    for (let item = holdingItemOf(type); item; item = holdingItemOf(item.parent as Y.AbstractType<any>)) {
      if (item.deleted) return true
    }
    return false
  }
  if (gone(start.type) || gone(end.type)) return null
  if (start.type === end.type && end.index <= start.index) return null
  return { start, end }
}
