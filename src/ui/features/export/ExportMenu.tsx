import { For, Show, createSignal, createUniqueId, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import type { ArtifactId } from '../../../domain/ids'
import { toHtml } from '../../../editor/export/html'
import { toMarkdown } from '../../../editor/export/markdown'
import { downloadBytes, fileNameFor } from '../../download'
import { makeExportDocument } from './export-source'
import { embedAttachments } from '../../../editor/export/export-attachments'
import type { AttachmentHash } from '../../../domain/attachments/attachment'
import { useAttachments } from '../attachments/attachments-context'
import { t } from '../../i18n/t'

type Format = 'docx' | 'md' | 'html' | 'print'

const FORMATS: Format[] = ['docx', 'md', 'html', 'print']

const MIME: Record<Exclude<Format, 'print'>, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8'
}

/**
 * Export as a disclosure: a button that shows the formats. Each format is made in the
 * browser from the document as it is now; nothing leaves the device except as the file the
 * person saves. Word export code loads only when first used.
 */
export const ExportMenu = (props: { doc: Y.Doc; artifactId: ArtifactId }) => {
  const id = createUniqueId()
  const [open, setOpen] = createSignal(false)
  const [status, setStatus] = createSignal('')
  const attachments = useAttachments()
  let container: HTMLDivElement | undefined
  let trigger: HTMLButtonElement | undefined

  const close = (returnFocus: boolean): void => {
    setOpen(false)
    if (returnFocus) trigger?.focus()
  }
  const onDocumentClick = (event: MouseEvent): void => {
    if (open() && container && !container.contains(event.target as Node)) close(false)
  }
  document.addEventListener('click', onDocumentClick)
  onCleanup(() => document.removeEventListener('click', onDocumentClick))

  const run = async (format: Format): Promise<void> => {
    close(true)
    if (format === 'print') {
      window.print()
      return
    }
    const made = makeExportDocument(props.doc, props.artifactId)
    if (!made) return
    setStatus(t('export.preparing'))
    try {
      // Photos on this device go into Word and HTML files; Markdown names them.
      const library = attachments()
      const document = library && format !== 'md' ? { ...made, body: await embedAttachments(made.body, async (hash) => (await library.read(hash as AttachmentHash))?.bytes ?? null) } : made
      const encoder = new TextEncoder()
      const bytes =
        format === 'docx'
          ? await import('../../../editor/export/docx').then((m) => m.toDocx(document))
          : encoder.encode(format === 'md' ? toMarkdown(document) : toHtml(document))
      downloadBytes(bytes, fileNameFor(document.title, format), MIME[format])
      setStatus(t('export.downloaded', { file: fileNameFor(document.title, format) }))
    } catch (error) {
      setStatus(t('export.failed', { reason: error instanceof Error ? error.message : String(error) }))
    }
  }

  return (
    <div
      class="export-menu"
      ref={container}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open()) {
          event.preventDefault()
          close(true)
        }
      }}
    >
      <button
        ref={trigger}
        type="button"
        class="button small"
        aria-expanded={open() ? 'true' : 'false'}
        aria-controls={`${id}-formats`}
        onClick={() => setOpen((v) => !v)}
      >
        {t('export.button')}
        <span aria-hidden="true" class="chevron">
          ▾
        </span>
      </button>
      <Show when={open()}>
        <ul id={`${id}-formats`} class="export-formats" aria-label={t('export.formats')}>
          <For each={FORMATS}>
            {(format, index) => (
              <li>
                <button
                  type="button"
                  class="export-format"
                  ref={(el) => {
                    if (index() === 0) queueMicrotask(() => el.focus())
                  }}
                  onClick={() => void run(format)}
                >
                  <span class="export-format-label">{t(`export.${format}.label`)}</span>
                  <span class="export-format-hint">{t(`export.${format}.hint`)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p class="visually-hidden" role="status">
        {status()}
      </p>
    </div>
  )
}
