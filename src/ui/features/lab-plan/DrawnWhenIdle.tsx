import { Show, createContext, createSignal, onCleanup, useContext, type JSX } from 'solid-js'
import { whenIdle } from '../../../domain/when-idle'

/** At the latest this long after the plan opens, the parts below are drawn even on a busy device. */
const LATEST_MS = 500

/** Anything a person does first: a link to a part below must find it there. */
const FIRST_ACTS = ['pointerdown', 'keydown', 'click', 'focusin'] as const

/** The page's one h1 (components/PageHeading). */
const PAGE_HEADING = 'h1.page-heading'

/**
 * True inside a part drawn because a person acted. A part waiting within it (a section's form)
 * is then drawn with it: listeners added while the act is being handled would not hear that act.
 */
const DrawnForAct = createContext(false)

/**
 * Parts of the plan that need not be there for its first frame: those below the fold
 * (milestones, values, the working group, the budget chart) and the forms for adding rows,
 * drawn as soon as the browser is idle after the plan first shows: opening a large plan spent
 * much of its time building them before anyone could see the top. They are then ordinary
 * parts of the page, in order, for the keyboard and screen readers alike; nothing is hidden or
 * drawn on scroll. Should a person act before then (a press, a key, a link from the summary to
 * "Milestones"), they are drawn at once, before the act is handled.
 */
export const DrawnWhenIdle = (props: { children: JSX.Element }) => {
  const withinAct = useContext(DrawnForAct)
  const [drawn, setDrawn] = createSignal(withinAct)
  const [forAct, setForAct] = createSignal(withinAct)
  const draw = (): void => {
    stopWaiting()
    setDrawn(true)
  }
  // The page's heading takes focus on its first frame after a change of page (PageHeading), which is the page
  // announcing itself, not a person's act: counted as one, it drew everything at once.
  const onAct = (event: Event): void => {
    if (event.type === 'focusin' && event.target instanceof Element && event.target.matches(PAGE_HEADING)) return
    setForAct(true)
    draw()
  }
  const stopWaiting = (): void => {
    cancelIdle()
    for (const act of FIRST_ACTS) document.removeEventListener(act, onAct, { capture: true })
  }
  const cancelIdle = withinAct ? () => undefined : whenIdle(draw, LATEST_MS)
  if (!withinAct) for (const act of FIRST_ACTS) document.addEventListener(act, onAct, { capture: true })
  onCleanup(stopWaiting)
  return (
    <Show when={drawn()}>
      <DrawnForAct.Provider value={forAct()}>{props.children}</DrawnForAct.Provider>
    </Show>
  )
}
