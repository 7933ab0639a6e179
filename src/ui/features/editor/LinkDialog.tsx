import type { Editor } from '@tiptap/core'
import { Show, createSignal } from 'solid-js'
import { safeHref } from '../../../editor/safe-url'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/TextField'
import { t } from '../../i18n/t'

/**
 * Adds, changes or removes the link on the selection. Only web, e-mail and phone links are
 * accepted; anything else (a javascript: address) is refused with an explanation.
 */
export const LinkDialog = (props: { editor: Editor; open: boolean; onClose: () => void }) => (
  <Dialog open={props.open} title={t('link.title')} onClose={props.onClose}>
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
      setError(t('link.invalid'))
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
        label={t('link.address')}
        hint={t('link.addressHint')}
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
        <TextField label={t('link.text')} hint={t('link.textHint')} value={label()} onInput={setLabel} />
      </Show>
      <div class="actions">
        <button type="submit" class="button primary">
          {t('link.save')}
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
            {t('link.remove')}
          </button>
        </Show>
        <button type="button" class="button" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
