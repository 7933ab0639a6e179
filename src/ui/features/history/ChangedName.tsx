import { Show } from 'solid-js'

/** A name in a comparison: struck through when removed, underlined when added, plain otherwise. */
export const ChangedName = (props: { name: string; change: 'added' | 'removed' | 'changed' | null }) => (
  <Show when={props.change === 'removed'} fallback={
    <Show when={props.change === 'added'} fallback={<span class="partner-compare-name">{props.name}</span>}>
      <ins class="partner-compare-name">{props.name}</ins>
    </Show>
  }>
    <del class="partner-compare-name">{props.name}</del>
  </Show>
)
