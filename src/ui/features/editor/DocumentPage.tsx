import { Show, createSignal, untrack, type JSX } from 'solid-js'
import type * as Y from 'yjs'
import { artifactBody, restoreArtifact } from '../../../crdt/artifacts'
import { addComment, replyToComment, setCommentResolved } from '../../../crdt/comments'
import { type ArtifactSummary } from '../../../domain/artifact'
import type { ArtifactId } from '../../../domain/ids'
import { anchorForRange } from '../../../editor/comment-anchors'
import type { CommentAnchor } from '../../../crdt/comments'
import { createCommentThreads } from '../../../reactive/document-projections'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import { useActor, useApp } from '../../app-context'
import { Alert } from '../../components/Alert'
import { PageHeading } from '../../components/PageHeading'
import { RelativeTime } from '../../components/RelativeTime'
import { CommentsPanel, type CommentOutcome } from '../comments/CommentsPanel'
import { useCommentAccess } from '../members/workspace-access'
import { ExportMenu } from '../export/ExportMenu'
import { useWorkspaceSync } from '../sync-status/sync-context'
import { createDocumentEditing, type DocumentEditing } from './document-editing'
import { EditorToolbar } from './EditorToolbar'
import { LinkDialog } from './LinkDialog'
import { CiteOutcomeDialog } from '../reports/CiteOutcomeDialog'
import { RichTextEditor } from './RichTextEditor'
import { findFirstMatch } from '../../../editor/find-match'
import { onRevealRequest } from '../search/reveal-request'
import { touchFirst } from '../../touch-first'
import { useAttachments } from '../attachments/attachments-context'
import { createAttachmentAdding } from '../attachments/create-attachment-adding'
import { AddAttachmentControls } from '../attachments/AddAttachmentControls'
import { AltTextDialog } from '../attachments/AltTextDialog'
import './editor.css'
import { t } from '../../i18n/t'
import { kindLabel, kindSelector } from '../../i18n/kind-label'
import { CONTENT_LANG } from '../../i18n/content-lang'

export interface DocumentPageProps {
  doc: Y.Doc
  artifactId: ArtifactId
  readOnly: boolean
  /**
   * Shown between the heading and the text (a note's details). It gets the summary as an
   * accessor: it is made once, and follows changes (a rename, a new tag) without remaking.
   */
  before?: (summary: () => ArtifactSummary) => JSX.Element
  /** Shown beside the text above the comments (a report's outline). */
  aside?: (editing: DocumentEditing) => JSX.Element
  /** Shown only when printing, before the text (a report's title page). */
  printTitle?: (summary: () => ArtifactSummary) => JSX.Element
}

/**
 * The page of one note or report: heading, export, the formatting toolbar and the text,
 * with the comments (and for reports, the outline) beside it.
 */
export const DocumentPage = (props: DocumentPageProps) => (
  // Another artifact of the same kind reuses this view: start afresh for it.
  <Show when={props.artifactId} keyed>
    {(artifactId) => <DocumentPageFor {...props} artifactId={artifactId} />}
  </Show>
)

const DocumentPageFor = (props: DocumentPageProps) => {
  const app = useApp()
  const actor = useActor()
  const summaries = createArtifactSummaries(props.doc)
  const summary = () => summaries().find((a) => a.id === props.artifactId) ?? null
  const threads = createCommentThreads(props.doc, props.artifactId)
  const editing = createDocumentEditing({ doc: props.doc, artifactId: props.artifactId, actor, threads })
  // Opened from a search result: select the match (or show the comment) once the editor is up.
  onRevealRequest(() => props.artifactId, () => editing.editor() !== null, (request) => {
    if (request.target.kind === 'comment') return editing.revealThread(request.target.threadId)
    const editor = editing.editor()
    const match = editor ? findFirstMatch(editor.state.doc, new Set(request.terms)) : null
    // On a touch screen the text is not focused: that would open the on-screen keyboard over the match.
    if (match) editing.reveal(match.from, { focus: !touchFirst(), to: match.to, found: true })
  })
  const sync = useWorkspaceSync()
  // Presence from sync, when the workspace syncs: other people's carets and names.
  const awareness = () => sync()?.awareness ?? null
  const body = artifactBody(props.doc, props.artifactId)
  const attachmentAdding = createAttachmentAdding(editing.editor, useAttachments(), sync)
  const [linkOpen, setLinkOpen] = createSignal(false)
  const [pending, setPending] = createSignal<{ anchor: CommentAnchor; quote: string } | null>(null)
  const [announcement, setAnnouncement] = createSignal('')
  const readOnly = () => props.readOnly || summary()?.deletedAt != null
  // A commenter reads the text read-only but may still comment on it (not on a binned item).
  const commentAccess = useCommentAccess()
  const commentable = () => !readOnly() || (commentAccess() && summary()?.deletedAt == null)
  /** A report can cite the workspace's lab plan, once there is one. */
  const citablePlan = () =>
    summary()?.kind === 'report' ? (summaries().find((a) => a.kind === 'lab-plan' && a.deletedAt === null)?.id as ArtifactId | undefined) : undefined
  const [citeOpen, setCiteOpen] = createSignal(false)

  const caretUser = () => {
    const read = app.profile()
    return read.status === 'ok'
      ? { name: read.profile.name, color: read.profile.colour }
      : { name: t('document.someone'), color: '#374151' }
  }

  const startComment = (): void => {
    const editor = editing.editor()
    if (!editor || !commentable()) return
    const { from, to, empty } = editor.state.selection
    if (empty) {
      setAnnouncement(t('document.selectFirst'))
      return
    }
    const anchor = anchorForRange(editor.state, from, to)
    if (!anchor) return
    setPending({ anchor, quote: editor.state.doc.textBetween(from, to, ' ') })
  }

  const submitComment = (text: string): CommentOutcome => {
    const who = actor()
    const draft = pending()
    if (!who || !draft) return { ok: false, message: t('createWorkspace.needsProfile') }
    const result = addComment(props.doc, props.artifactId, { anchor: draft.anchor, quote: draft.quote, body: text }, who, Date.now())
    if (!result.ok) return result
    setPending(null)
    editing.setActiveThread(result.value)
    setAnnouncement(t('document.commentAdded'))
    editing.editor()?.commands.focus()
    return { ok: true }
  }

  const reply = (threadId: string, text: string): CommentOutcome => {
    const who = actor()
    if (!who) return { ok: false, message: t('createWorkspace.needsProfile') }
    const result = replyToComment(props.doc, props.artifactId, threadId, text, who, Date.now())
    if (result.ok) setAnnouncement(t('document.replyAdded'))
    return result.ok ? { ok: true } : result
  }

  const resolve = (threadId: string, resolved: boolean): void => {
    const who = actor()
    if (!who) return
    setCommentResolved(props.doc, props.artifactId, threadId, resolved, who, Date.now())
    setAnnouncement(resolved ? t('document.commentResolved') : t('document.commentReopened'))
  }

  return (
    <Show when={summary()}>
      {(current) => (
        <article class="document-page" data-kind={current().kind}>
          <Show when={props.printTitle}>{(title) => <div class="print-only">{untrack(() => title()(current))}</div>}</Show>
          <header class="document-header">
            <div class="document-heading">
              <p class="document-kind">{kindLabel(current().kind, 'one')}</p>
              <PageHeading title={current().title || t('common.untitled')}>
                <span lang={current().title ? CONTENT_LANG.lang : undefined}>{current().title || t('common.untitled')}</span>
              </PageHeading>
              <p class="document-meta">
                {t('document.createdBy', { creator: current().createdBy.name, editor: current().updatedBy.name })}{' '}
                <RelativeTime time={current().updatedAt} />
              </p>
            </div>
            <div class="document-actions no-print">
              <ExportMenu doc={props.doc} artifactId={props.artifactId} />
            </div>
          </header>
          <Show when={current().deletedAt !== null}>
            <Alert tone="warning" title={t('document.inBin.title')}>
              <p>{t('document.inBin.body')}</p>
              <button
                type="button"
                class="button small"
                disabled={props.readOnly}
                onClick={() => {
                  if (actor()) restoreArtifact(props.doc, props.artifactId)
                }}
              >
                {t('bin.restore')}
              </button>
            </Alert>
          </Show>
          {untrack(() => props.before?.(current))}
          <div class="document-layout">
            <section class="document-main" aria-label={t('document.text', { kind: kindSelector(current().kind) })}>
              {/* Above the toolbar, so the toolbar stays the one Tab stop just before the text. */}
              <Show when={editing.editor() && !readOnly()}>
                <AddAttachmentControls adding={attachmentAdding} />
              </Show>
              {/* Remade when a lab plan arrives, so "Cite outcome" appears without reopening the report. */}
              <Show when={editing.editor() && !readOnly() && `${citablePlan() !== undefined}`} keyed>
                <EditorToolbar
                  editor={editing.editor()!}
                  tick={editing.tick}
                  label={t('toolbar.label')}
                  onLink={() => setLinkOpen(true)}
                  onComment={startComment}
                  onCite={citablePlan() ? () => setCiteOpen(true) : undefined}
                />
              </Show>
              <Show when={editing.editor() && readOnly() && commentable()}>
                <button type="button" class="button small" onClick={startComment}>
                  {t('access.commentOnSelection')}
                </button>
              </Show>
              <Show when={body} fallback={<p>{t('document.noText')}</p>}>
                {(fragment) => (
                  // A new awareness (sync connected) means a new editor, with carets.
                  <Show when={`${readOnly()}:${commentable()}:${awareness() ? 'live' : 'local'}`} keyed>
                    {(_key) => (
                      <RichTextEditor
                        fragment={fragment()}
                        label={t('document.text', { kind: kindSelector(current().kind) })}
                        readOnly={readOnly() && !commentable()}
                        commentOnly={readOnly() && commentable()}
                        awareness={awareness()}
                        user={caretUser()}
                        onReady={editing.setEditor}
                        onLinkRequest={() => setLinkOpen(true)}
                        onCommentRequest={startComment}
                        onCommentActivate={(id) => editing.setActiveThread(id)}
                        attachments={attachmentAdding.nodeOptions}
                      />
                    )}
                  </Show>
                )}
              </Show>
            </section>
            <aside class="document-aside no-print" aria-label={t('document.aside')}>
              {props.aside?.(editing)}
              <CommentsPanel
                threads={threads()}
                detached={editing.detached()}
                active={editing.activeThread()}
                readOnly={!commentable()}
                pending={pending()}
                onCancelPending={() => {
                  setPending(null)
                  editing.editor()?.commands.focus()
                }}
                onSubmitPending={submitComment}
                onReply={reply}
                onResolve={resolve}
                onActivate={editing.revealThread}
              />
            </aside>
          </div>
          <Show when={editing.editor()}>
            {(editor) => <LinkDialog editor={editor()} open={linkOpen()} onClose={() => setLinkOpen(false)} />}
          </Show>
          <AltTextDialog
            open={attachmentAdding.altRequest() !== null}
            initial={attachmentAdding.altRequest()?.alt ?? ''}
            onSave={attachmentAdding.saveAlt}
            onClose={attachmentAdding.closeAlt}
            returnFocus={attachmentAdding.describedPhotoButton}
          />
          <Show when={editing.editor() && citablePlan()}>
            {(planId) => <CiteOutcomeDialog doc={props.doc} planId={planId()} editor={editing.editor()!} open={citeOpen()} onClose={() => setCiteOpen(false)} />}
          </Show>
          <p class="visually-hidden" role="status">
            {announcement()}
          </p>
        </article>
      )}
    </Show>
  )
}
