import { For, Show } from 'solid-js'
import type * as Y from 'yjs'
import type { PersonHere } from '../../../domain/presence'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import { useApp } from '../../app-context'
import { useWorkspaceSync } from '../sync-status/sync-context'
import { createPeopleHere } from './create-people-here'
import './presence.css'
import { t } from '../../i18n/t'
import { artifactTitle } from '../../i18n/artifact-title'

/**
 * Who is here now: name, council and colour of everyone else with this workspace open, and
 * what each is looking at. Live, from presence; nothing of it is saved.
 */
export const PresenceList = (props: { doc: Y.Doc }) => {
  const app = useApp()
  const sync = useWorkspaceSync()
  const selfId = () => {
    const read = app.profile()
    return read.status === 'ok' ? read.profile.id : null
  }
  const people = createPeopleHere(sync, selfId)
  const artifacts = createArtifactSummaries(props.doc)
  const where = (artifactId: string | null): string => {
    if (artifactId === null) return t('presence.theOverview')
    const found = artifacts().find((a) => a.id === artifactId)
    if (!found) return t('presence.notOnDevice')
    return found.deletedAt === null ? `“${artifactTitle(found)}”` : t('presence.inBin')
  }
  const viewing = (person: PersonHere): string => t('presence.viewing', { places: person.viewing.map(where).join(t('presence.and')) })
  return (
    <section class="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" class="presence-title">
        {t('presence.title')}
      </h2>
      <Show when={people().length > 0} fallback={<p class="presence-empty">{t('presence.onlyYou')}</p>}>
        <ul class="presence-list">
          <For each={people()}>
            {(person) => (
              <li class="presence-person" title={`${person.name}, ${person.organisation}. ${viewing(person)}.`}>
                <span class="avatar" style={{ 'background-color': person.colour }} aria-hidden="true">
                  {person.name.slice(0, 1).toUpperCase()}
                </span>
                <span class="presence-text">
                  <span class="presence-name">{person.name}</span>
                  <span class="presence-detail">
                    {person.organisation}
                    <span aria-hidden="true"> · </span>
                    <span class="visually-hidden">, </span>
                    {viewing(person)}
                  </span>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
