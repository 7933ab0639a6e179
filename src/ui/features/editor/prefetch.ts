import { whenIdle } from '../../../domain/when-idle'
import { warmUpEditor } from './warm-up'

let requested = false

/**
 * Loads and prepares the code of the note and report pages once the browser is idle after a
 * workspace opens, so that opening a note or report waits for none of it: the pages' own
 * chunks (which bring the editor's), then, in a later idle moment, one throwaway editor, so
 * that the first real one does not pay for the editor code's first run (see warm-up.ts). The
 * workspace list and the workspace itself never wait for it: they are separate chunks,
 * fetched from the app's own cache.
 */
export const prefetchEditor = (): void => {
  if (requested || typeof requestIdleCallback === 'undefined') return
  requested = true
  // Through whenIdle, like all work that can wait: never while a page is opening.
  whenIdle(
    () =>
      void Promise.all([import('../reports/ReportView'), import('../notes/NoteView')])
        .then(() => whenIdle(() => void warmUpEditor().catch(() => undefined), 15_000))
        .catch(() => (requested = false)),
    15_000
  )
}
