import type { Editor } from '@tiptap/core'
import { createSignal, type Accessor } from 'solid-js'
import type { WorkspaceAttachments } from '../../../app/attachments/workspace-attachments'
import type { AttachmentHash, AttachmentRef } from '../../../domain/attachments/attachment'
import type { AttachmentNodeOptions, LoadedAttachment } from '../../../editor/attachment-node'
import { findAttachment, insertAttachment, setAttachmentAlt } from '../../../editor/attachment-commands'
import { attachmentAltButton } from '../../../editor/attachment-node'
import type { WorkspaceSync } from '../../../sync/workspace-sync'
import { describeAttachmentProblem, type AttachmentRoute } from '../../../domain/attachments/attachment-problem'
import { locale } from '../../i18n/current-locale'
import { EDITOR_INTERFACE_TEXT } from '../../i18n/editor-interface-text'
import { t } from '../../i18n/t'

/** At most this many files from one pick, drop or paste: more is almost always a mistake. */
const MAX_FILES_AT_ONCE = 20

export interface AttachmentAdding {
  /** For the editor: loading, describing and taking dropped or pasted files. */
  nodeOptions: Partial<AttachmentNodeOptions>
  /** `route`: how the files were chosen, for the words of a refusal. */
  addFiles(files: File[], pos: number | null, route?: AttachmentRoute): Promise<void>
  busy: Accessor<boolean>
  problem: Accessor<string | null>
  announcement: Accessor<string>
  altRequest: Accessor<{ hash: AttachmentHash; alt: string } | null>
  saveAlt(alt: string): void
  closeAlt(): void
  /**
   * The "Add/Edit alt text" button of the photo last described, where focus goes when the
   * dialog closes and its opener is gone: saving rebuilds the photo's frame, button and all.
   */
  describedPhotoButton(): HTMLElement | null
}

/**
 * Adding photos and files to a note and describing them: the person's side of
 * app/attachments/workspace-attachments.ts. A photo that is added asks for its alt text at
 * once; the problem with a refused file is shown until the next try.
 */
export const createAttachmentAdding = (
  editor: Accessor<Editor | null>,
  attachments: Accessor<WorkspaceAttachments | null>,
  sync: Accessor<WorkspaceSync | null>
): AttachmentAdding => {
  const [busy, setBusy] = createSignal(false)
  const [problem, setProblem] = createSignal<string | null>(null)
  const [announcement, setAnnouncement] = createSignal('')
  const [altRequest, setAltRequest] = createSignal<{ hash: AttachmentHash; alt: string } | null>(null)

  // The photo the alt text dialog is, or was last, about: kept after it closes, to focus it.
  let described: AttachmentHash | null = null

  const addFiles = async (files: File[], pos: number | null, route: AttachmentRoute = 'any'): Promise<void> => {
    const library = attachments()
    if (!library || busy()) return
    setProblem(null)
    if (files.length > MAX_FILES_AT_ONCE) {
      setProblem(t('attachments.tooMany', { max: MAX_FILES_AT_ONCE }))
      return
    }
    setBusy(true)
    setAnnouncement(t('attachments.adding', { count: files.length }))
    let lastPhoto: AttachmentRef | null = null
    try {
      for (const file of files) {
        // "Add photo" takes images only: a PDF picked through its chooser's "All files" would
        // otherwise come in as a file, which is not what the person asked for.
        if (route === 'photo' && !file.type.startsWith('image/')) {
          setProblem(describeAttachmentProblem({ kind: 'not-accepted', name: file.name }, t, locale(), route))
          continue
        }
        const added = await library.add(file)
        const target = editor()
        if (!added.ok) {
          setProblem(describeAttachmentProblem(added.problem, t, locale(), route))
          continue
        }
        if (target && insertAttachment(target, added.ref, pos)) {
          if (added.ref.kind === 'image') lastPhoto = added.ref
        }
      }
    } finally {
      setBusy(false)
    }
    setAnnouncement(problem() ? '' : t('attachments.added', { count: files.length }))
    if (lastPhoto) setAltRequest({ hash: lastPhoto.hash, alt: lastPhoto.alt })
  }

  const watch = (hash: AttachmentHash, mime: string, update: (loaded: LoadedAttachment) => void): (() => void) => {
    let stopped = false
    let trying = false
    let unsubscribe: (() => void) | null = null
    let peersSeen = -1
    const attempt = async (): Promise<void> => {
      const library = attachments()
      if (!library || trying || stopped) return
      trying = true
      const loaded = await library.load(hash).catch(() => ({ status: 'missing' as const }))
      trying = false
      if (stopped) return
      if (loaded.status === 'ready') {
        unsubscribe?.()
        unsubscribe = null
        update({ status: 'ready', url: URL.createObjectURL(new Blob([loaded.blob], { type: mime })) })
        return
      }
      update({ status: 'missing' })
      // Ask again whenever the set of connected devices grows (one that has it may have come).
      const live = sync()
      if (live && !unsubscribe) {
        unsubscribe = live.subscribe(() => {
          const peers = live.status().peers
          if (peers > peersSeen) void attempt()
          peersSeen = peers
        })
        peersSeen = live.status().peers
      }
    }
    void attempt()
    return () => {
      stopped = true
      unsubscribe?.()
    }
  }

  return {
    nodeOptions: {
      // The editor's own words (frames, citations, hints) in the interface language: t reads the
      // current one when called, and what is on screen is drawn again when it switches.
      text: EDITOR_INTERFACE_TEXT,
      watch,
      onEditAlt: ({ ref }) => setAltRequest({ hash: ref.hash, alt: ref.alt }),
      onFiles: (files, pos) => {
        void addFiles(files, pos)
        return true
      }
    },
    addFiles,
    busy,
    problem,
    announcement,
    altRequest,
    saveAlt(alt) {
      const request = altRequest()
      const target = editor()
      if (!request || !target) return
      // Found again by its hash: others may have edited the text meanwhile.
      const pos = findAttachment(target, request.hash)
      if (pos !== null && setAttachmentAlt(target, pos, alt)) setAnnouncement(t(alt.trim() ? 'attachments.altSaved' : 'attachments.altStillMissing'))
    },
    closeAlt: () => {
      described = altRequest()?.hash ?? described
      setAltRequest(null)
    },
    describedPhotoButton: () => {
      const target = editor()
      return target && described ? attachmentAltButton(target.view.dom, described) : null
    }
  }
}
