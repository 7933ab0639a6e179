import type { Editor } from '@tiptap/core'
import { Show, createSignal } from 'solid-js'
import { safeHref } from '../../../editor/safe-url'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/TextField'

/**
 * Adds, changes or removes the link on the selection. Only web, e-mail and phone links are
 * accepted; anything else (a javascript: address) is refused with an explanation.
 */
export const LinkDialog = (props: { editor: Editor; open: boolean; onClose: () => void }) => (
  <Dialog open={props.open} title="Link" onClose={props.onClose}>
    <Show when={props.open}>
      <LinkForm editor={props.editor} onClose={props.onClose} />
    </Show>
  </Dialog>
)

const LinkForm = (props: { editor: Editor; onClose: () => void }) => {
  const existing = (props.editor.getAttributes('link').href as string | undefined) ?? ''
  const [address, setAddress] = createSignal(existing)
  const [error, setError] = createSignal<string | undefined>()
  const emptySelection = props.editor.state.selection.empty && !existing
  const [label, setLabel] = createSignal('')

  const save = (event: SubmitEvent): void => {
    event.preventDefault()
    const href = safeHref(address())
    if (!href) {
      setError('Enter a web address (like https://www.example.org), an e-mail address (mailto:…) or a phone number (tel:…)')
      return
    }
    const chain = props.editor.chain().focus()
    if (emptySelection) {
      const text = label().trim() || href
      chain.insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }).run()
    } else {
      chain.extendMarkRange('link').setLink({ href }).run()
    }
    props.onClose()
  }

  return (
    <form class="stack" onSubmit={save} novalidate>
      <TextField
        label="Link address"
        hint="A web page, mailto: e-mail address or tel: phone number"
        type="url"
        value={address()}
        onInput={(value) => {
          setAddress(value)
          setError(undefined)
        }}
        error={error()}
        inputRef={(el) => queueMicrotask(() => el.focus())}
      />
      <Show when={emptySelection}>
        <TextField label="Text to show" hint="Leave empty to show the address" value={label()} onInput={setLabel} />
      </Show>
      <div class="actions">
        <button type="submit" class="button primary">
          Save link
        </button>
        <Show when={existing}>
          <button
            type="button"
            class="button danger-outline"
            onClick={() => {
              props.editor.chain().focus().extendMarkRange('link').unsetLink().run()
              props.onClose()
            }}
          >
            Remove link
          </button>
        </Show>
        <button type="button" class="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
