import { Show, createSignal, createUniqueId } from 'solid-js'
import type * as Y from 'yjs'
import type { RegistryEntry } from '../../../domain/registry-entry'
import { exportChanges, importChanges } from '../../../sync/changes-exchange'
import { useActor } from '../../app-context'
import { Alert } from '../../components/Alert'
import { downloadBytes, fileNameFor } from '../../download'
import './file-sync.css'
import { translateKnown } from '../../../domain/i18n/known-text'
import { t } from '../../i18n/t'

type Outcome = { tone: 'success' | 'info' | 'error'; title: string; text: string }

/**
 * File sync for devices that never connect: "Export changes" saves this device's copy as an
 * encrypted file only members can read; "Import changes" merges such a file in. A file for
 * another workspace, or a damaged, altered or oversized one, changes nothing.
 */
export const FileSyncPanel = (props: {
  doc: Y.Doc
  entry: RegistryEntry
  name: string
  readOnly: boolean
  headingLevel?: 2 | 3
  /** Before anything has arrived there is nothing to export. */
  importOnly?: boolean
}) => {
  const actor = useActor()
  const [busy, setBusy] = createSignal<'export' | 'import' | null>(null)
  const [outcome, setOutcome] = createSignal<Outcome | null>(null)
  let input: HTMLInputElement | undefined
  const keys = () => ({ id: props.entry.id, secret: props.entry.secret })

  const exportFile = async (): Promise<void> => {
    if (busy() !== null) return
    setBusy('export')
    setOutcome(null)
    try {
      const bytes = await exportChanges(props.doc, keys())
      downloadBytes(bytes, fileNameFor(t('fileSync.fileName', { name: props.name || 'workspace' }), 'mutual-changes'))
      setOutcome({
        tone: 'success',
        title: t('fileSync.saved.title'),
        text: t('fileSync.saved.body')
      })
    } catch (error) {
      setOutcome({ tone: 'error', title: t('fileSync.notMade'), text: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(null)
    }
  }

  const importFile = async (file: File): Promise<void> => {
    setBusy('import')
    setOutcome(null)
    try {
      const result = await importChanges(
        props.doc,
        keys(),
        { size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) },
        actor()
      )
      if (result.status === 'merged') {
        setOutcome({ tone: 'success', title: t('fileSync.merged.title'), text: t('fileSync.merged.body', { name: file.name }) })
      } else if (result.status === 'nothing-new') {
        setOutcome({ tone: 'info', title: t('fileSync.nothingNew.title'), text: t('fileSync.nothingNew.body') })
      } else {
        setOutcome({ tone: 'error', title: t('fileSync.notImported'), text: translateKnown(t, result.message) })
      }
    } catch (error) {
      setOutcome({ tone: 'error', title: t('fileSync.notImported'), text: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(null)
      if (input) input.value = ''
    }
  }

  const titleId = `file-sync-${createUniqueId()}`
  const Heading = (headingProps: { children: string }) =>
    props.headingLevel === 2 ? <h2 id={titleId}>{headingProps.children}</h2> : <h3 id={titleId}>{headingProps.children}</h3>

  return (
    <section class="file-sync stack" aria-labelledby={titleId}>
      <Heading>{t('fileSync.title')}</Heading>
      <Show
        when={!props.importOnly}
        fallback={<p>{t('fileSync.importOnlyIntro')}</p>}
      >
        <p>{t('fileSync.intro')}</p>
      </Show>
      <div class="actions">
        <Show when={!props.importOnly}>
          <button type="button" class="button" aria-disabled={busy() !== null || undefined} onClick={() => void exportFile()}>
            {busy() === 'export' ? t('fileSync.exporting') : t('fileSync.export')}
          </button>
        </Show>
        <label class="button file-button" classList={{ disabled: busy() !== null || props.readOnly }}>
          {busy() === 'import' ? t('fileSync.importing') : t('fileSync.import')}
          <input
            ref={input}
            type="file"
            class="visually-hidden"
            accept=".mutual-changes,application/octet-stream"
            disabled={busy() !== null || props.readOnly}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0]
              if (file) void importFile(file)
            }}
          />
        </label>
      </div>
      <Show when={busy() === 'import'}>
        <p role="status" class="muted">
          {t('fileSync.checking')}
        </p>
      </Show>
      <Show when={outcome()}>
        {(o) => (
          <Alert tone={o().tone} title={o().title}>
            <p>{o().text}</p>
          </Alert>
        )}
      </Show>
    </section>
  )
}
