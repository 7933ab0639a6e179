import { Show, createSignal, onCleanup } from 'solid-js'
import type { WorkspaceTrust } from '../../../app/workspace-trust'
import { Alert } from '../../components/Alert'

/**
 * Says plainly when another device refused one of this device's changes (docs/trust.md,
 * "Signed changes"), or when one was too large to send: the change stays here but nobody else has it.
 */
export const RefusalBanner = (props: { trust: WorkspaceTrust }) => {
  const [text, setText] = createSignal(props.trust.refusal())
  onCleanup(props.trust.subscribe(() => setText(props.trust.refusal())))
  return (
    <Show when={text()}>
      {(said) => (
        <Alert tone="warning" title="Your change has not reached the others">
          <p>{said()}</p>
          <button type="button" class="button" onClick={() => props.trust.dismissRefusal()}>
            Dismiss
          </button>
        </Alert>
      )}
    </Show>
  )
}
