import { Show, createSignal } from 'solid-js'
import { decodeWorkspaceFile } from '../../../storage/workspace-file'
import { importWorkspaceFile } from '../../../storage/workspace-library'
import { useActor, useApp } from '../../app-context'
import { Alert } from '../../components/Alert'
import { href, navigate } from '../../router'

/** Opens a workspace file exported from Mutual: as a new workspace, or merged into one here. */
export const ImportWorkspaceButton = (props: { onImported: () => void }) => {
  const app = useApp()
  const actor = useActor()
  const [problem, setProblem] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  let input: HTMLInputElement | undefined

  const importFile = async (file: File): Promise<void> => {
    setProblem(null)
    setBusy(true)
    try {
      const decoded = decodeWorkspaceFile(new Uint8Array(await file.arrayBuffer()))
      if (!decoded.ok) {
        setProblem(decoded.message)
        return
      }
      const result = await importWorkspaceFile(app.registry, decoded, actor())
      props.onImported()
      navigate(href.workspace(result.entry.id))
    } catch (error) {
      setProblem(`The file could not be imported: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setBusy(false)
      if (input) input.value = ''
    }
  }

  return (
    <div class="import-workspace">
      <label class="button" classList={{ disabled: busy() }}>
        {busy() ? 'Importing…' : 'Import a workspace file'}
        <input
          ref={input}
          type="file"
          class="visually-hidden"
          accept=".mutual,application/octet-stream"
          disabled={busy()}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0]
            if (file) void importFile(file)
          }}
        />
      </label>
      <Show when={problem()}>
        <Alert tone="error" title="Nothing was imported">
          <p>{problem()}</p>
        </Alert>
      </Show>
    </div>
  )
}
