import { For, Show, createEffect, createSignal, createUniqueId } from 'solid-js'
import type { CommentThread } from '../../../domain/comment'
import { RelativeTime } from '../../components/RelativeTime'
import { CommentForm } from './CommentForm'

export type CommentOutcome = { ok: true } | { ok: false; message: string }

export interface PendingComment {
  quote: string
}

/**
 * The comments beside a document: a form for a new comment on the selected text, open
 * threads with their replies, and resolved ones behind a toggle. A thread whose text was
 * deleted stays, marked as detached, with the text it was about.
 */
export const CommentsPanel = (props: {
  threads: CommentThread[]
  detached: ReadonlySet<string>
  active: string | null
  readOnly: boolean
  pending: PendingComment | null
  onCancelPending: () => void
  onSubmitPending: (body: string) => CommentOutcome
  onReply: (threadId: string, body: string) => CommentOutcome
  onResolve: (threadId: string, resolved: boolean) => void
  onActivate: (threadId: string) => void
}) => {
  const [showResolved, setShowResolved] = createSignal(false)
  const open = () => props.threads.filter((t) => !t.resolved)
  const resolved = () => props.threads.filter((t) => t.resolved)
  return (
    <section class="side-panel comments-panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        Comments <span class="count">({open().length} open)</span>
      </h2>
      <Show when={props.pending}>
        {(pending) => (
          <div class="comment-new">
            <p class="comment-quote">
              <span class="visually-hidden">Comment on: </span>“{pending().quote}”
            </p>
            <CommentForm
              label="Your comment"
              submitLabel="Add comment"
              autofocus
              onSubmit={props.onSubmitPending}
              onCancel={props.onCancelPending}
            />
          </div>
        )}
      </Show>
      <Show
        when={open().length > 0}
        fallback={
          <Show when={!props.pending}>
            <p class="muted">No open comments. Select some text and choose Comment to start one.</p>
          </Show>
        }
      >
        <ul class="comment-list">
          <For each={open()}>{(thread) => <ThreadItem thread={thread} {...props} />}</For>
        </ul>
      </Show>
      <Show when={resolved().length > 0}>
        <button
          type="button"
          class="button small"
          aria-expanded={showResolved() ? 'true' : 'false'}
          onClick={() => setShowResolved((v) => !v)}
        >
          {showResolved() ? 'Hide' : 'Show'} resolved ({resolved().length})
        </button>
        <Show when={showResolved()}>
          <ul class="comment-list">
            <For each={resolved()}>{(thread) => <ThreadItem thread={thread} {...props} />}</For>
          </ul>
        </Show>
      </Show>
    </section>
  )
}

const ThreadItem = (props: {
  thread: CommentThread
  detached: ReadonlySet<string>
  active: string | null
  readOnly: boolean
  onReply: (threadId: string, body: string) => CommentOutcome
  onResolve: (threadId: string, resolved: boolean) => void
  onActivate: (threadId: string) => void
}) => {
  const id = createUniqueId()
  let item: HTMLLIElement | undefined
  const [replying, setReplying] = createSignal(false)
  const isDetached = () => props.detached.has(props.thread.id)
  const isActive = () => props.active === props.thread.id
  createEffect(() => {
    if (isActive()) item?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  })
  return (
    <li ref={item}>
      <article
        class="comment-thread"
        classList={{ active: isActive(), resolved: props.thread.resolved, detached: isDetached() }}
        aria-labelledby={`${id}-title`}
        data-thread-id={props.thread.id}
      >
        <h3 id={`${id}-title`} class="comment-author">
          {props.thread.createdBy.name}
          <span class="visually-hidden"> commented on “{props.thread.quote}”</span>
        </h3>
        <p class="comment-meta">
          {props.thread.createdBy.organisation} · <RelativeTime time={props.thread.createdAt} />
        </p>
        <p class="comment-quote" aria-hidden="true">
          “{props.thread.quote}”
        </p>
        <Show when={isDetached()}>
          <p class="comment-detached">
            <span class="tag tag-warning">Detached</span> The text this comment was on has been deleted. The comment
            is kept.
          </p>
        </Show>
        <p class="comment-body">{props.thread.body}</p>
        <Show when={props.thread.replies.length > 0}>
          <ol class="comment-replies" aria-label={`Replies to ${props.thread.createdBy.name}`}>
            <For each={props.thread.replies}>
              {(reply) => (
                <li>
                  <p class="comment-meta">
                    <strong>{reply.createdBy.name}</strong> · <RelativeTime time={reply.createdAt} />
                  </p>
                  <p class="comment-body">{reply.body}</p>
                </li>
              )}
            </For>
          </ol>
        </Show>
        <Show when={props.thread.resolved && props.thread.resolvedBy}>
          {(by) => <p class="comment-meta">Resolved by {by().name}</p>}
        </Show>
        <Show when={replying()}>
          <CommentForm
            label={`Reply to ${props.thread.createdBy.name}`}
            submitLabel="Reply"
            autofocus
            onSubmit={(body) => {
              const outcome = props.onReply(props.thread.id, body)
              if (outcome.ok) setReplying(false)
              return outcome
            }}
            onCancel={() => setReplying(false)}
          />
        </Show>
        <div class="actions">
          <Show when={!isDetached()}>
            <button type="button" class="button small" onClick={() => props.onActivate(props.thread.id)}>
              Show in text<span class="visually-hidden"> for {props.thread.createdBy.name}’s comment</span>
            </button>
          </Show>
          <Show when={!props.readOnly && !replying()}>
            <button type="button" class="button small" onClick={() => setReplying(true)}>
              Reply<span class="visually-hidden"> to {props.thread.createdBy.name}</span>
            </button>
          </Show>
          <Show when={!props.readOnly}>
            <button
              type="button"
              class="button small"
              onClick={() => props.onResolve(props.thread.id, !props.thread.resolved)}
            >
              {props.thread.resolved ? 'Reopen' : 'Resolve'}
              <span class="visually-hidden"> {props.thread.createdBy.name}’s comment</span>
            </button>
          </Show>
        </div>
      </article>
    </li>
  )
}
