import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { othersCaretsJustHidden, redrawOthersCarets } from './y-sync-binding'

/**
 * Keeps other people's carets drawn while this person changes the blocks higher up.
 *
 * WHY: the caret plugin stops drawing everyone else's caret after this person's own change to
 * the blocks (Enter for a new line, a split, a pasted block), because the editor is then a step
 * ahead of Yjs, and draws them again only when someone's presence changes. A colleague waiting
 * in their line publishes nothing new, so their name vanished from this screen until they
 * typed. By the next tick the binding has written the change to Yjs, and their carets, anchored
 * to the text, can be drawn where they are.
 */
export const makeOthersCaretsKeptPlugin = (): Plugin =>
  new Plugin({
    key: new PluginKey('othersCaretsKept'),
    view: () => ({
      update: (view, previous) => {
        if (othersCaretsJustHidden(view.state, previous)) redrawOthersCarets(view)
      }
    })
  })

/** The editor extension of makeOthersCaretsKeptPlugin; it goes with CollaborationCaret. */
export const OthersCaretsKept = Extension.create({
  name: 'othersCaretsKept',
  addProseMirrorPlugins: () => [makeOthersCaretsKeptPlugin()]
})
