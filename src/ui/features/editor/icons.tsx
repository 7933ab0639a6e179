import type { JSX } from 'solid-js'

/** Toolbar icons: inline SVG (no icon font, nothing fetched), hidden from assistive technology. */
const Svg = (props: { children: JSX.Element }) => (
  <svg
    class="icon"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
  >
    {props.children}
  </svg>
)

export const ICONS = {
  undo: () => (
    <Svg>
      <path d="M9 14 4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </Svg>
  ),
  redo: () => (
    <Svg>
      <path d="m15 14 5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </Svg>
  ),
  link: () => (
    <Svg>
      <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
      <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
    </Svg>
  ),
  bulletList: () => (
    <Svg>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4" cy="6" r="1" fill="currentColor" />
      <circle cx="4" cy="12" r="1" fill="currentColor" />
      <circle cx="4" cy="18" r="1" fill="currentColor" />
    </Svg>
  ),
  orderedList: () => (
    <Svg>
      <path d="M10 6h10M10 12h10M10 18h10" />
      <path d="M4 4.5h1.2V9M4 9h2.4" stroke-width="1.5" />
      <path d="M4 14.2a1.2 1.2 0 0 1 2.3.4c0 .8-2.3 2-2.3 3.4h2.4" stroke-width="1.5" />
    </Svg>
  ),
  quote: () => (
    <Svg>
      <path d="M4 20V6M9 8h11M9 13h11M9 18h7" />
    </Svg>
  ),
  table: () => (
    <Svg>
      <rect x="3" y="4" width="18" height="16" rx="1.5" />
      <path d="M3 10h18M3 15h18M10 4v16" />
    </Svg>
  ),
  rule: () => (
    <Svg>
      <path d="M3 12h18" />
      <path d="M7 7h10M7 17h10" stroke-width="1" />
    </Svg>
  ),
  comment: () => (
    <Svg>
      <path d="M21 15a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
      <path d="M12 7v6M9 10h6" />
    </Svg>
  )
}
