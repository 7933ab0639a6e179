import { For, Show, createSignal, createUniqueId, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import type { ArtifactId } from '../../../domain/ids'
import { toHtml } from '../../../editor/export/html'
import { toMarkdown } from '../../../editor/export/markdown'
import { downloadBytes, fileNameFor } from '../../download'
import { makeExportDocument } from './export-source'

type Format = 'docx' | 'md' | 'html' | 'print'

const FORMATS: { id: Format; label: string; hint: string }[] = [
  { id: 'docx', label: 'Word document (.docx)', hint: 'Opens in Word, LibreOffice and Google Docs' },
  { id: 'md', label: 'Markdown (.md)', hint: 'Plain text with formatting marks' },
  { id: 'html', label: 'Web page (.html)', hint: 'One file that opens in any browser' },
  { id: 'print', label: 'Print or save as PDF', hint: 'Uses your browser’s print dialog' }
]

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
    const document = makeExportDocument(props.doc, props.artifactId)
    if (!document) return
    setStatus('Preparing the file…')
    try {
      const encoder = new TextEncoder()
      const bytes =
        format === 'docx'
          ? await import('../../../editor/export/docx').then((m) => m.toDocx(document))
          : encoder.encode(format === 'md' ? toMarkdown(document) : toHtml(document))
      downloadBytes(bytes, fileNameFor(document.title, format), MIME[format])
      setStatus(`Downloaded ${fileNameFor(document.title, format)}`)
    } catch (error) {
      setStatus(`The file could not be made: ${error instanceof Error ? error.message : String(error)}`)
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
        Export
        <span aria-hidden="true" class="chevron">
          ▾
        </span>
      </button>
      <Show when={open()}>
        <ul id={`${id}-formats`} class="export-formats" aria-label="Export formats">
          <For each={FORMATS}>
            {(format, index) => (
              <li>
                <button
                  type="button"
                  class="export-format"
                  ref={(el) => {
                    if (index() === 0) queueMicrotask(() => el.focus())
                  }}
                  onClick={() => void run(format.id)}
                >
                  <span class="export-format-label">{format.label}</span>
                  <span class="export-format-hint">{format.hint}</span>
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
