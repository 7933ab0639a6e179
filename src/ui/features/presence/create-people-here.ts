import { createEffect, onCleanup, type Accessor } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'
import { readPeopleHere, type PersonHere } from '../../../domain/presence'
import type { WorkspaceSync } from '../../../sync/workspace-sync'

/**
 * Who else is here now, from presence (awareness), live. Presence changes on every caret
 * move of every peer; reconciling by member keeps each person's record (and their row in
 * the list) untouched unless their name, council, colour or what they view changed.
 */
export const createPeopleHere = (sync: Accessor<WorkspaceSync | null>, selfMemberId: Accessor<string | null>): Accessor<PersonHere[]> => {
  const [state, setState] = createStore<{ people: PersonHere[] }>({ people: [] })
  const show = (people: PersonHere[]): void => setState('people', reconcile(people, { key: 'memberId', merge: false }))
  createEffect(() => {
    const current = sync()
    const self = selfMemberId() ?? ''
    if (!current) {
      show([])
      return
    }
    const read = (): void => show(readPeopleHere(current.awareness.getStates().entries(), self))
    read()
    current.awareness.on('change', read)
    onCleanup(() => current.awareness.off('change', read))
  })
  return () => state.people
}
