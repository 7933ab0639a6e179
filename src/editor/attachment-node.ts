import { Node, type NodeViewRendererProps } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { Node as PmNode } from '@tiptap/pm/model'
import { readAttachmentRef, type AttachmentHash, type AttachmentRef } from '../domain/attachments/attachment'
import { ALT_MISSING, attachmentViewText, unreadableAttachmentText, type AttachmentViewText } from './attachment-view-text'
import { ENGLISH_TEXT, type InterfaceText } from './interface-text'

/**
 * A photo or file in a note or report. The document holds only the reference (hash, type,
 * name, size, alt text, width and height: domain/attachments/attachment.ts); the view asks
 * `load` for the bytes, which come from this device or a peer. Until a photo has alt text it
 * says so, on screen and to screen readers, with a button to add it.
 */
export type LoadedAttachment = { status: 'ready'; url: string } | { status: 'missing' }

export interface AttachmentNodeOptions {
  /**
   * Follows the bytes of a hash: calls `update` with an object URL once they are here, or with
   * missing while no device has sent them (perhaps later, when one connects). Returns a stop
   * function; the view revokes the URL it was given. Null where nothing can be loaded (tests).
   */
  watch: ((hash: AttachmentHash, mime: string, update: (loaded: LoadedAttachment) => void) => () => void) | null
  /** Asks the person for the photo's alt text; `pos` is where the node is now. */
  onEditAlt: ((request: { pos: number; ref: AttachmentRef }) => void) | null
  /** Files dropped or pasted into the text: true when taken. */
  onFiles: ((files: File[], pos: number | null) => boolean) | null
  /**
   * The interface's words and language for the frames (and the editor's hints and lab plan
   * citations), followed when it switches language; null draws them in English.
   */
  text: InterfaceText | null
}

const ATTRS = ['hash', 'kind', 'mime', 'name', 'size', 'alt', 'width', 'height'] as const

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value)
  if (text !== undefined) el.textContent = text
  return el
}

const renderView = (ref: AttachmentRef, options: AttachmentNodeOptions, getPos: () => number | undefined, editable: boolean) => {
  const text = options.text ?? ENGLISH_TEXT
  let words = attachmentViewText(ref, text)
  /** Each of the frame's words, drawn now and again after a switch of the interface's language. */
  const painters: ((words: AttachmentViewText) => void)[] = []
  const say = (paint: (words: AttachmentViewText) => void): void => {
    painters.push(paint)
    paint(words)
  }
  // The frame's own words are in the interface language; the alt text is the person's (lang="").
  const figure = element('figure', { class: `attachment attachment-${ref.kind}`, 'data-attachment': ref.hash, contenteditable: 'false' })
  say((w) => figure.setAttribute('lang', w.lang))
  const caption = element('figcaption')
  let url: string | null = null
  let gone = false
  const stops: (() => void)[] = [
    text.onLanguageChange(() => {
      words = attachmentViewText(ref, text)
      for (const paint of painters) paint(words)
    })
  ]
  /** Each URL handed over is this view's to revoke: the last one shown, or at once if the view is gone. */
  const follow = (show: (loaded: LoadedAttachment) => void): (() => void) =>
    options.watch?.(ref.hash, ref.mime, (loaded) => {
      if (gone) {
        if (loaded.status === 'ready') URL.revokeObjectURL(loaded.url)
        return
      }
      if (loaded.status === 'ready') {
        if (url) URL.revokeObjectURL(url)
        url = loaded.url
      }
      show(loaded)
    }) ?? (() => {})
  if (ref.kind === 'image') {
    const missingAlt = ref.alt.trim() === ''
    const frame = element('div', { class: 'attachment-frame', role: 'img' })
    say((w) => frame.setAttribute('aria-label', w.photoLabel))
    if (ref.width && ref.height) frame.style.aspectRatio = `${ref.width} / ${ref.height}`
    const status = element('span', { class: 'attachment-status' })
    let missing = false
    say((w) => (status.textContent = missing ? w.photoNotHere : w.loading))
    frame.append(status)
    figure.append(frame)
    stops.push(follow((loaded) => {
      frame.replaceChildren()
      if (loaded.status === 'ready') {
        // The frame carries the name for screen readers; the picture itself is drawn for sight.
        frame.append(element('img', { src: loaded.url, alt: '', decoding: 'async' }))
      } else {
        missing = true
        status.textContent = words.photoNotHere
        frame.append(status)
      }
    }))
    if (missingAlt) {
      const altMissing = element('span', { class: 'attachment-alt-missing' })
      say((w) => (altMissing.textContent = w.altMissing))
      caption.append(altMissing)
    } else caption.append(element('span', { class: 'attachment-alt', lang: '' }, ref.alt))
    if (editable && options.onEditAlt) {
      const button = element('button', { type: 'button', class: 'attachment-alt-button button small' })
      say((w) => (button.textContent = w.altButton))
      button.addEventListener('mousedown', (event) => event.preventDefault())
      button.addEventListener('click', () => {
        const pos = getPos()
        if (pos !== undefined) options.onEditAlt?.({ pos, ref })
      })
      caption.append(button)
    }
  } else {
    const link = element('a', { class: 'attachment-file', href: '#', 'aria-disabled': 'true' })
    let missing = false
    say((w) => {
      link.textContent = w.fileLabel
      if (missing) link.title = w.fileNotHere
    })
    link.addEventListener('click', (event) => {
      if (!url) event.preventDefault()
    })
    stops.push(follow((loaded) => {
      if (loaded.status === 'ready') {
        link.href = loaded.url
        link.removeAttribute('aria-disabled')
        // A PDF opens in the browser; other files download under their own name.
        if (ref.mime === 'application/pdf') link.target = '_blank'
        else link.download = ref.name
      } else {
        missing = true
        link.title = words.fileNotHere
      }
    }))
    caption.append(link)
  }
  figure.append(caption)
  return {
    dom: figure,
    // The view is rebuilt when the reference changes (alt text edited).
    update: (node: PmNode) => node.type.name === 'attachment' && ATTRS.every((a) => node.attrs[a] === (ref as Record<string, unknown>)[a]),
    stopEvent: (event: Event) => event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement,
    ignoreMutation: () => true,
    destroy: () => {
      gone = true
      for (const stop of stops.splice(0)) stop()
      if (url) URL.revokeObjectURL(url)
    }
  }
}

/** A photo's "Add/Edit alt text" button among the frames drawn under `root`, found by the photo's hash. */
export const attachmentAltButton = (root: ParentNode, hash: AttachmentHash): HTMLElement | null =>
  root.querySelector<HTMLElement>(`figure[data-attachment="${CSS.escape(hash)}"] .attachment-alt-button`)

export const AttachmentNode = Node.create<AttachmentNodeOptions>({
  name: 'attachment',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addOptions() {
    return { watch: null, onEditAlt: null, onFiles: null, text: null }
  },
  addAttributes() {
    return {
      hash: { default: '' },
      kind: { default: 'file' },
      mime: { default: 'application/octet-stream' },
      name: { default: '' },
      size: { default: 0 },
      alt: { default: '' },
      width: { default: null },
      height: { default: null }
    }
  },
  parseHTML() {
    // Only from this app's own copies: a reference from elsewhere names no bytes here.
    return [
      {
        tag: 'figure[data-attachment-ref]',
        getAttrs: (el) => {
          try {
            return readAttachmentRef(JSON.parse((el as HTMLElement).getAttribute('data-attachment-ref') ?? '')) ?? false
          } catch {
            return false
          }
        }
      }
    ]
  },
  renderHTML({ node }) {
    const ref = readAttachmentRef(node.attrs)
    return ['figure', { 'data-attachment-ref': JSON.stringify(ref ?? {}) }, ref?.kind === 'image' ? ref.alt || ALT_MISSING : ref?.name ?? '']
  },
  addNodeView() {
    const options = this.options
    return ({ node, getPos, editor }: NodeViewRendererProps) => {
      const ref = readAttachmentRef(node.attrs)
      if (!ref) {
        const text = options.text ?? ENGLISH_TEXT
        const dom = element('div', { class: 'attachment attachment-unreadable' })
        const paint = (): void => {
          const unreadable = unreadableAttachmentText(text)
          dom.setAttribute('lang', unreadable.lang)
          dom.textContent = unreadable.text
        }
        paint()
        return { dom, destroy: text.onLanguageChange(paint) }
      }
      return renderView(ref, options, () => (typeof getPos === 'function' ? getPos() : undefined), editor.isEditable)
    }
  },
  addProseMirrorPlugins() {
    const options = this.options
    return [
      new Plugin({
        key: new PluginKey('mutualAttachmentFiles'),
        props: {
          handlePaste: (_view, event) => {
            const files = [...(event.clipboardData?.files ?? [])]
            return files.length > 0 && options.onFiles ? options.onFiles(files, null) : false
          },
          handleDrop: (view, event) => {
            const files = [...(event.dataTransfer?.files ?? [])]
            if (files.length === 0 || !options.onFiles) return false
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
            return options.onFiles(files, at?.pos ?? null)
          }
        }
      })
    ]
  }
})
