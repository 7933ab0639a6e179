/**
 * Dragging a note with a mouse, a pen or a finger, on Pointer Events (HTML drag and drop does
 * not work with touch on most tablets). Drop targets are marked in the DOM with
 * `data-drop-column` or `data-drop-cluster`; the innermost one under the pointer wins.
 * Keyboard users move notes with the note's menu or Shift + arrow keys instead.
 */
export type DropTarget = { kind: 'column'; id: string } | { kind: 'cluster'; id: string }

const THRESHOLD_PX = 6
const EDGE_PX = 48

const targetAt = (x: number, y: number): HTMLElement | null => {
  const hit = document.elementFromPoint(x, y)
  return hit instanceof Element ? hit.closest<HTMLElement>('[data-drop-cluster], [data-drop-column]') : null
}

const readTarget = (element: HTMLElement): DropTarget | null => {
  const cluster = element.dataset.dropCluster
  if (cluster) return { kind: 'cluster', id: cluster }
  const column = element.dataset.dropColumn
  return column ? { kind: 'column', id: column } : null
}

export const startPointerDrag = (
  down: PointerEvent,
  card: HTMLElement,
  onDrop: (target: DropTarget) => void
): void => {
  if (down.button !== 0) return
  const startX = down.clientX
  const startY = down.clientY
  let dragging = false
  let over: HTMLElement | null = null

  const setOver = (next: HTMLElement | null): void => {
    if (next === over) return
    over?.removeAttribute('data-drop-active')
    over = next
    over?.setAttribute('data-drop-active', '')
  }

  const move = (event: PointerEvent): void => {
    if (event.pointerId !== down.pointerId) return
    const dx = event.clientX - startX
    const dy = event.clientY - startY
    if (!dragging) {
      if (Math.hypot(dx, dy) < THRESHOLD_PX) return
      dragging = true
      card.classList.add('is-dragging')
      document.body.classList.add('board-dragging')
    }
    event.preventDefault()
    card.style.transform = `translate(${dx}px, ${dy}px) rotate(2deg)`
    setOver(targetAt(event.clientX, event.clientY))
    if (event.clientY < EDGE_PX) window.scrollBy(0, -16)
    else if (event.clientY > window.innerHeight - EDGE_PX) window.scrollBy(0, 16)
  }

  const finish = (drop: boolean): void => {
    window.removeEventListener('pointermove', move)
    window.removeEventListener('pointerup', up)
    window.removeEventListener('pointercancel', cancel)
    window.removeEventListener('keydown', escape, true)
    card.classList.remove('is-dragging')
    document.body.classList.remove('board-dragging')
    card.style.transform = ''
    const target = over ? readTarget(over) : null
    setOver(null)
    if (!dragging) return
    // A drag is not a click on whatever the pointer was released over.
    window.addEventListener('click', swallow, true)
    setTimeout(() => window.removeEventListener('click', swallow, true), 0)
    if (drop && target) onDrop(target)
  }
  const swallow = (event: Event): void => {
    event.stopPropagation()
    event.preventDefault()
  }
  const up = (event: PointerEvent): void => {
    if (event.pointerId === down.pointerId) finish(true)
  }
  const cancel = (event: PointerEvent): void => {
    if (event.pointerId === down.pointerId) finish(false)
  }
  const escape = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      finish(false)
    }
  }
  window.addEventListener('pointermove', move, { passive: false })
  window.addEventListener('pointerup', up)
  window.addEventListener('pointercancel', cancel)
  window.addEventListener('keydown', escape, true)
}
