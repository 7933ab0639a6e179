/**
 * A person's initial on their colour. Decorative: the name is always written beside it, so
 * it is hidden from assistive technology.
 */
export const Avatar = (props: { name: string; colour: string }) => (
  <span class="avatar" style={{ 'background-color': props.colour }} aria-hidden="true">
    {props.name.trim().slice(0, 1).toUpperCase()}
  </span>
)
