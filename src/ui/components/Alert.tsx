import type { JSX } from 'solid-js'

type Tone = 'info' | 'warning' | 'error' | 'success'

/**
 * A message box. Errors and warnings are announced as soon as they appear (role="alert");
 * information and success use a polite status region.
 */
export const Alert = (props: { tone: Tone; title: string; children?: JSX.Element; id?: string }) => (
  <div
    id={props.id}
    class={`alert alert-${props.tone}`}
    role={props.tone === 'error' || props.tone === 'warning' ? 'alert' : 'status'}
  >
    <p class="alert-title">{props.title}</p>
    {props.children}
  </div>
)
