import { whenIdle } from '../../domain/when-idle'
import type { Later } from '../start-writing'

/**
 * How long after a workspace opens its attachment bookkeeping may start. Idle time alone is
 * not enough: the page is idle many times during a cold open, each time it waits for IndexedDB,
 * so the first idle moment can come before the overview is drawn. A cold open takes about a
 * second; this leaves it that second and more before the bookkeeping asks for the next quiet moment.
 */
export const BOOKKEEPING_DELAY_MS = 2500
/** The latest the bookkeeping waits for a quiet moment after that, on a page that is never idle. */
const IDLE_TIMEOUT_MS = 10_000

/**
 * When a workspace's attachment bookkeeping (the relay's list of files to upload) may read the
 * attachment store: after the open has had its time, at the next quiet moment. Nothing a person
 * waits for (a note's photos, adding a photo, a backup) goes through this.
 */
export const afterWorkspaceOpen: Later = (task) => {
  let cancelIdle = (): void => {}
  const timer = setTimeout(() => {
    cancelIdle = whenIdle(task, IDLE_TIMEOUT_MS)
  }, BOOKKEEPING_DELAY_MS)
  return () => {
    clearTimeout(timer)
    cancelIdle()
  }
}
