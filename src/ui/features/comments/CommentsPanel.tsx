import { For, Show, createEffect, createSignal, createUniqueId } from 'solid-js'
import type { CommentThread } from '../../../domain/comment'
import { RelativeTime } from '../../components/RelativeTime'
import { CommentForm } from './CommentForm'
import { t } from '../../i18n/t'
import { CONTENT_LANG } from '../../i18n/content-lang'

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
  const open = () => props.threads.filter((thread) => !thread.resolved)
  const resolved = () => props.threads.filter((thread) => thread.resolved)
  let panel: HTMLElement | undefined
  let resolvedToggle: HTMLButtonElement | undefined
  // A thread resolved or reopened moves to the other list, and the button pressed goes with it:
  // keyboard focus follows the thread, to its button in its new place, or to "Show resolved"
  // while that list is folded away (where it went). It used to drop to the page.
  const [following, setFollowing] = createSignal<{ id: string; resolved: boolean } | null>(null)
  createEffect(() => {
    const wanted = following()
    if (!wanted || props.threads.find((thread) => thread.id === wanted.id)?.resolved !== wanted.resolved) return
    setFollowing(null)
    const moved = panel?.querySelector<HTMLButtonElement>(`[data-thread-id="${CSS.escape(wanted.id)}"] [data-resolve]`)
    ;(moved ?? resolvedToggle)?.focus()
  })
  const resolve = (threadId: string, isResolved: boolean): void => {
    setFollowing({ id: threadId, resolved: isResolved })
    props.onResolve(threadId, isResolved)
  }
  return (
    <section ref={panel} class="side-panel comments-panel" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        {t('comments.title')} <span class="count">{t('comments.openCount', { count: open().length })}</span>
      </h2>
      <Show when={props.pending}>
        {(pending) => (
          <div class="comment-new">
            <p class="comment-quote">
              <span class="visually-hidden">{t('comments.on')} </span>“<span {...CONTENT_LANG}>{pending().quote}</span>”
            </p>
            <CommentForm
              label={t('comments.yours')}
              submitLabel={t('comments.add')}
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
            <p class="muted">{t('comments.none')}</p>
          </Show>
        }
      >
        <ul class="comment-list">
          <For each={open()}>{(thread) => <ThreadItem thread={thread} {...props} onResolve={resolve} />}</For>
        </ul>
      </Show>
      <Show when={resolved().length > 0}>
        <button
          ref={resolvedToggle}
          type="button"
          class="button small"
          aria-expanded={showResolved() ? 'true' : 'false'}
          onClick={() => setShowResolved((v) => !v)}
        >
          {t(showResolved() ? 'comments.hideResolved' : 'comments.showResolved', { count: resolved().length })}
        </button>
        <Show when={showResolved()}>
          <ul class="comment-list">
            <For each={resolved()}>{(thread) => <ThreadItem thread={thread} {...props} onResolve={resolve} />}</For>
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
          <span class="visually-hidden"> {t('comments.commentedOn', { quote: props.thread.quote })}</span>
        </h3>
        <p class="comment-meta">
          {props.thread.createdBy.organisation} · <RelativeTime time={props.thread.createdAt} />
        </p>
        <p class="comment-quote" aria-hidden="true" {...CONTENT_LANG}>
          “{props.thread.quote}”
        </p>
        <Show when={isDetached()}>
          <p class="comment-detached">
            <span class="tag tag-warning">{t('comments.detached')}</span> {t('comments.detachedBody')}
          </p>
        </Show>
        <p class="comment-body" {...CONTENT_LANG}>{props.thread.body}</p>
        <Show when={props.thread.replies.length > 0}>
          <ol class="comment-replies" aria-label={t('comments.repliesTo', { name: props.thread.createdBy.name })}>
            <For each={props.thread.replies}>
              {(reply) => (
                <li>
                  <p class="comment-meta">
                    <strong>{reply.createdBy.name}</strong> · <RelativeTime time={reply.createdAt} />
                  </p>
                  <p class="comment-body" {...CONTENT_LANG}>{reply.body}</p>
                </li>
              )}
            </For>
          </ol>
        </Show>
        <Show when={props.thread.resolved && props.thread.resolvedBy}>
          {(by) => <p class="comment-meta">{t('comments.resolvedBy', { name: by().name })}</p>}
        </Show>
        <Show when={replying()}>
          <CommentForm
            label={t('comments.replyTo', { name: props.thread.createdBy.name })}
            submitLabel={t('comments.reply')}
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
              {t('comments.showInText')}<span class="visually-hidden"> {t('comments.forComment', { name: props.thread.createdBy.name })}</span>
            </button>
          </Show>
          <Show when={!props.readOnly && !replying()}>
            <button type="button" class="button small" onClick={() => setReplying(true)}>
              {t('comments.reply')}<span class="visually-hidden"> {t('comments.toName', { name: props.thread.createdBy.name })}</span>
            </button>
          </Show>
          <Show when={!props.readOnly}>
            <button
              type="button"
              class="button small"
              data-resolve
              onClick={() => props.onResolve(props.thread.id, !props.thread.resolved)}
            >
              {props.thread.resolved ? t('comments.reopen') : t('comments.resolve')}
              <span class="visually-hidden"> {t('comments.namesComment', { name: props.thread.createdBy.name })}</span>
            </button>
          </Show>
        </div>
      </article>
    </li>
  )
}
