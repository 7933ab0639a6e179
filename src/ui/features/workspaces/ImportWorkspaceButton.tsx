import { Match, Switch, createSignal, type JSX } from 'solid-js'
import { readBackup } from '../../../storage/backup'
import { restoreBackupAttachments } from '../../../storage/backup-attachments'
import type { WorkspaceId } from '../../../domain/ids'
import { fileUpdateCheckOffThread } from '../../../sync/workspace-file-check'
import { DAMAGED_WORKSPACE_FILE, MAX_WORKSPACE_FILE_BYTES, type DecodedWorkspaceFile } from '../../../storage/workspace-file'
import { importWorkspaceFile } from '../../../storage/workspace-library'
import { fileHasMembers, openBackupAsSeparateWorkspace } from '../../../storage/open-as-copy'
import { workspaceHoldsFile } from '../../../storage/file-already-here'
import { useActor, useApp, useMemberId } from '../../app-context'
import { Dialog } from '../../components/Dialog'
import { PassphraseField } from '../../components/PassphraseField'
import { href, navigate } from '../../router'
import { currentTranslator, t } from '../../i18n/t'
import { translateKnown } from '../../../domain/i18n/known-text'
import { fileProblemsEn } from '../../../domain/i18n/areas/file-problems.en'

type CheckedFile = Extract<DecodedWorkspaceFile, { ok: true }>

type Step =
  | { step: 'idle' }
  | { step: 'passphrase'; bytes: Uint8Array; error?: string }
  | { step: 'confirm-merge'; file: CheckedFile; name: string }
  | { step: 'confirm-copy'; file: CheckedFile; name: string }
  | { step: 'already-here'; file: CheckedFile; id: WorkspaceId; name: string }

/** A choice in the import's dialog: aria-disabled while busy, not disabled, so keyboard focus stays on it. */
const ChoiceButton = (props: { primary?: boolean; busy: boolean; onChoose: () => Promise<void>; children: JSX.Element }) => (
  <button
    type="button"
    class={props.primary ? 'button primary' : 'button'}
    aria-disabled={props.busy || undefined}
    onClick={() => {
      if (!props.busy) void props.onChoose()
    }}
  >
    {props.children}
  </button>
)

/** One of the import's questions: what it means, its choices, then the way out (`leave`: Cancel or Close). */
const ChoicePanel = (props: { body: string; leave: string; onLeave: () => void; children: JSX.Element }) => (
  <div class="stack">
    <p>{props.body}</p>
    <div class="actions">
      {props.children}
      <button type="button" class="button" onClick={() => props.onLeave()}>
        {props.leave}
      </button>
    </div>
  </div>
)

const DIALOG_TITLE: Record<Step['step'], () => string> = {
  idle: () => '',
  passphrase: () => t('import.protectedTitle'),
  'confirm-merge': () => t('import.mergeTitle'),
  'confirm-copy': () => t('import.membersTitle'),
  'already-here': () => t('import.alreadyHereTitle')
}

/**
 * Opens a workspace file or backup: as a new workspace, or — after saying so — merged into
 * the copy already here (merging only adds, and a version is saved first), or, when that copy
 * already has every change in the file, not at all: it says so and offers to open the
 * workspace (storage/file-already-here.ts); or, for a workspace shared by members this device
 * is not one of, as a copy of its own (storage/open-as-copy.ts).
 * `onProblem` hears why a file was not imported (and null when a new file is chosen): the page
 * shows it in its own place, below its title row rather than squeezed in beside the button.
 */
export const ImportWorkspaceButton = (props: { onImported: () => void; onProblem: (message: string | null) => void }) => {
  const app = useApp()
  const actor = useActor()
  const memberId = useMemberId()
  const [busy, setBusy] = createSignal(false)
  const [step, setStep] = createSignal<Step>({ step: 'idle' })
  const [passphrase, setPassphrase] = createSignal('')
  let input: HTMLInputElement | undefined

  // Closing the dialog, whichever way, forgets the passphrase typed into it.
  const closeDialog = (): void => {
    setStep({ step: 'idle' })
    setPassphrase('')
  }

  /** `message` may be a refusal from the storage layer, in its English words: shown in the chosen language. */
  const fail = (message: string): void => {
    props.onProblem(translateKnown(currentTranslator(), message))
    closeDialog()
  }

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true)
    try {
      await work()
    } catch (error) {
      fail(t('import.failed', { reason: translateKnown(currentTranslator(), error instanceof Error ? error.message : String(error)) }))
    } finally {
      setBusy(false)
      if (input) input.value = ''
    }
  }

  const check = (bytes: Uint8Array, pass: string | null) =>
    run(async () => {
      // The update is checked in a Worker with a time limit, as a changes file is.
      const read = await readBackup(bytes, pass, fileUpdateCheckOffThread(DAMAGED_WORKSPACE_FILE))
      if (!read.ok) {
        if ('needsPassphrase' in read || pass !== null) setStep({ step: 'passphrase', bytes, error: pass ? translateKnown(currentTranslator(), read.message) : undefined })
        else fail(read.message)
        return
      }
      const existing = await app.registry.get(read.header.workspaceId)
      if (existing && (await workspaceHoldsFile(app.registry, existing, read))) {
        // Its photos and files are put back all the same, in case any went missing here.
        await restoreAttachments(existing.id, read)
        setStep({ step: 'already-here', file: read, id: existing.id, name: existing.name })
      } else if (existing) setStep({ step: 'confirm-merge', file: read, name: existing.name })
      // Not here, and shared by members this device is not one of: only a copy of its own can work.
      else if (fileHasMembers(read)) setStep({ step: 'confirm-copy', file: read, name: read.header.name })
      else await finish(read)
    })

  /** Photos and files in the backup go to this device's store; a damaged section is reported, the rest stays restored. */
  const restoreAttachments = async (id: WorkspaceId, file: CheckedFile): Promise<void> => {
    if (app.registry.kind !== 'indexeddb') return
    const restored = await restoreBackupAttachments(id, file.attachments).catch(() => ({ ok: false as const, message: fileProblemsEn['fileProblem.backup.attachmentsFailed'] }))
    if (!restored.ok) props.onProblem(translateKnown(currentTranslator(), restored.message))
  }

  const finish = async (file: CheckedFile): Promise<void> => {
    const result = await importWorkspaceFile(app.registry, file, actor(), Date.now(), memberId())
    await restoreAttachments(result.entry.id, file)
    closeDialog()
    props.onImported()
    navigate(href.workspace(result.entry.id))
  }

  const openSeparately = async (file: CheckedFile): Promise<void> => {
    const entry = await openBackupAsSeparateWorkspace(app.registry, file)
    await restoreAttachments(entry.id, file)
    closeDialog()
    props.onImported()
    navigate(href.workspace(entry.id))
  }

  return (
    <div class="import-workspace">
      <label class="button" classList={{ disabled: busy() }}>
        {busy() ? t('import.busy') : t('import.button')}
        <input
          ref={input}
          type="file"
          class="visually-hidden"
          accept=".mutual,application/octet-stream"
          disabled={busy()}
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0]
            if (!file) return
            props.onProblem(null)
            // Refused before it is read: a file this big is not ours, and reading it all could exhaust memory.
            if (file.size > MAX_WORKSPACE_FILE_BYTES) {
              fail(t('fileProblem.workspace.tooLarge', { megabytes: MAX_WORKSPACE_FILE_BYTES / 1024 / 1024 }))
              e.currentTarget.value = ''
              return
            }
            await check(new Uint8Array(await file.arrayBuffer()), null)
          }}
        />
      </label>
      <Dialog
        open={step().step !== 'idle'}
        title={DIALOG_TITLE[step().step]()}
        onClose={closeDialog}
      >
        <Switch>
          <Match when={step().step === 'passphrase' && (step() as Extract<Step, { step: 'passphrase' }>)}>
            {(s) => (
              <form
                class="stack"
                novalidate
                onSubmit={(e) => {
                  e.preventDefault()
                  if (busy()) return
                  if (passphrase() === '') setStep({ ...s(), error: t('import.passphraseMissing') })
                  else void check(s().bytes, passphrase())
                }}
              >
                <PassphraseField label={t('import.passphrase')} value={passphrase()} onInput={setPassphrase} error={s().error} autocomplete="off" />
                <div class="actions">
                  {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
                  <button type="submit" class="button primary" aria-disabled={busy() || undefined}>
                    {t('import.openBackup')}
                  </button>
                  <button type="button" class="button" onClick={closeDialog}>
                    {t('common.cancel')}
                  </button>
                </div>
              </form>
            )}
          </Match>
          <Match when={step().step === 'confirm-merge' && (step() as Extract<Step, { step: 'confirm-merge' }>)}>
            {(s) => (
              <ChoicePanel body={t('import.mergeBody', { name: s().name })} leave={t('common.cancel')} onLeave={closeDialog}>
                <ChoiceButton primary busy={busy()} onChoose={() => run(() => finish(s().file))}>
                  {t('import.merge', { name: s().name })}
                </ChoiceButton>
                <ChoiceButton busy={busy()} onChoose={() => run(() => openSeparately(s().file))}>
                  {t('import.openSeparately')}
                </ChoiceButton>
              </ChoicePanel>
            )}
          </Match>
          <Match when={step().step === 'confirm-copy' && (step() as Extract<Step, { step: 'confirm-copy' }>)}>
            {(s) => (
              <ChoicePanel body={t('import.membersBody', { name: s().name })} leave={t('common.cancel')} onLeave={closeDialog}>
                <ChoiceButton primary busy={busy()} onChoose={() => run(() => openSeparately(s().file))}>
                  {t('import.openOwnCopy')}
                </ChoiceButton>
              </ChoicePanel>
            )}
          </Match>
          <Match when={step().step === 'already-here' && (step() as Extract<Step, { step: 'already-here' }>)}>
            {(s) => (
              <ChoicePanel body={t('import.alreadyHereBody', { name: s().name })} leave={t('common.close')} onLeave={closeDialog}>
                <a class="button primary" href={href.workspace(s().id)} onClick={closeDialog}>
                  {t('import.openExisting', { name: s().name })}
                </a>
                <ChoiceButton busy={busy()} onChoose={() => run(() => openSeparately(s().file))}>
                  {t('import.openSeparately')}
                </ChoiceButton>
              </ChoicePanel>
            )}
          </Match>
        </Switch>
      </Dialog>
    </div>
  )
}
