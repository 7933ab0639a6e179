import { For, onMount } from 'solid-js'

/**
 * The summary at the top of a form that failed validation. Render it inside a <Show> so it
 * mounts each time errors appear; it takes focus then, so the problem is announced.
 */
export const ErrorSummary = (props: { errors: string[] }) => {
  let box: HTMLDivElement | undefined
  onMount(() => box?.focus())
  return (
    <div ref={box} class="error-summary" role="alert" tabindex="-1">
      <h2>There is a problem</h2>
      <ul>
        <For each={props.errors}>{(e) => <li>{e}</li>}</For>
      </ul>
    </div>
  )
}
