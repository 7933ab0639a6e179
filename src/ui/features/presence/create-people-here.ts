import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js'
import { readPeopleHere, type PersonHere } from '../../../domain/presence'
import type { WorkspaceSync } from '../../../sync/workspace-sync'

/** Who else is here now, from presence (awareness), live. */
export const createPeopleHere = (sync: Accessor<WorkspaceSync | null>, selfMemberId: Accessor<string | null>): Accessor<PersonHere[]> => {
  const [people, setPeople] = createSignal<PersonHere[]>([])
  createEffect(() => {
    const current = sync()
    const self = selfMemberId() ?? ''
    if (!current) {
      setPeople([])
      return
    }
    const read = (): void => {
      setPeople(readPeopleHere(current.awareness.getStates().entries(), self))
    }
    read()
    current.awareness.on('change', read)
    onCleanup(() => current.awareness.off('change', read))
  })
  return people
}
