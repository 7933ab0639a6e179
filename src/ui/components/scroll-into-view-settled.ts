/** Frames watched after the first scroll, at most: a page draws what the scroll brought near in a few. */
const MAX_FRAMES = 60
/** And at most this long, however slow the frames: the page is the person's again after it. */
const MAX_MS = 3_000
/** Frames the element must stay where it was put for the page to count as drawn. */
const STILL_FRAMES = 3
/** Movement smaller than this (px) is rounding, not a change of layout. */
const MOVED_PX = 1

/** Input that says the person is moving about the page themselves: their scroll wins. */
const PERSON_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const

/**
 * Scrolls an element to the middle of the window at once, then keeps it there while the page
 * finishes drawing around it. Returns a function that stops watching.
 *
 * WHY: a long note lays out its blocks only near the screen (editor.css), so a scroll towards a
 * match far down is aimed with guessed heights; the blocks it lands among are drawn a frame
 * later and push the match away (a search's match was left at 904 px in a 900 px window). A
 * smooth scroll made it worse: anything else that scrolled meanwhile (the editor bringing its
 * caret to the nearest edge, the page's heading taking focus) cut it short. So the scroll is
 * instant, which also leaves nothing for prefers-reduced-motion to turn off, and is made again
 * on each frame the element has moved, until it stays put for a few frames, within a bounded
 * number of frames and time, and never after the person has scrolled, pressed or typed.
 * `find` is asked each frame: the element may be redrawn meanwhile.
 */
export const scrollIntoViewSettled = (find: () => Element | null): (() => void) => {
  const started = performance.now()
  let frame = 0
  let still = 0
  let request: number | null = null
  let placedAt = 0

  const place = (element: Element): void => {
    element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' })
    placedAt = element.getBoundingClientRect().top
  }

  const check = (): void => {
    request = null
    frame += 1
    const element = find()
    if (!element) return stop()
    const moved = Math.abs(element.getBoundingClientRect().top - placedAt) > MOVED_PX
    if (moved) {
      still = 0
      place(element)
    } else {
      still += 1
    }
    if (still >= STILL_FRAMES || frame >= MAX_FRAMES || performance.now() - started > MAX_MS) return stop()
    request = requestAnimationFrame(check)
  }

  const stop = (): void => {
    if (request !== null) cancelAnimationFrame(request)
    request = null
    for (const type of PERSON_INPUT) window.removeEventListener(type, stop, true)
  }

  const element = find()
  if (!element) return stop
  // Capture on window: the page's own handlers may stop the event before it bubbles.
  for (const type of PERSON_INPUT) window.addEventListener(type, stop, { capture: true, passive: true })
  place(element)
  request = requestAnimationFrame(check)
  return stop
}
