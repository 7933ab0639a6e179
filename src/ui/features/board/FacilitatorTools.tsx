import { For, Show, createMemo, createSignal, createUniqueId } from 'solid-js'
import {
  addFacilitator,
  endBrainstormWithoutReveal,
  revealBrainstorm,
  setBoardAnonymous,
  setBoardLocked,
  startSilentBrainstorm
} from '../../../crdt/board'
import { BOARD_SUMMON_FIELD, type BoardSummon } from '../../../domain/board-summon'
import { makeArtifactId } from '../../../domain/ids'
import { createMembers } from '../../../reactive/workspace-projections'
import { useBoard } from './board-context'
import { createMembersWhoMayFacilitate } from '../members/create-trust-state'
import { useWorkspaceTrust } from '../members/workspace-trust-context'
import { facilitatorChoices } from './facilitator-choices'
import { t } from '../../i18n/t'

/**
 * What only facilitators see: who is here and "bring everyone here", lock, anonymity, the
 * silent brainstorm, and co-facilitators. It folds away behind the board's "Facilitator
 * tools" button (a disclosure, in BoardView) so the columns have the screen.
 */
export const FacilitatorTools = (props: { id: string; open: boolean; readOnly: boolean }) => {
  const board = useBoard()
  const id = createUniqueId()
  const records = createMembers(board.doc)
  // The membership log says who is a member and who may facilitate; records only name them.
  const mayFacilitate = createMembersWhoMayFacilitate(useWorkspaceTrust())
  const settings = () => board.board().settings
  const candidates = createMemo(() =>
    facilitatorChoices({
      mayFacilitate: mayFacilitate(),
      records: records(),
      present: board.peopleHere(),
      facilitators: settings().facilitatorIds,
      unnamed: t('members.unnamed')
    })
  )
  const [chosen, setChosen] = createSignal('')
  const others = () => board.hiddenCount()
  const elsewhere = () => board.peopleHere().filter((p) => !p.viewing.includes(board.boardId))
  const [summoned, setSummoned] = createSignal<string | null>(null)
  const summon = (): void => {
    const sync = board.sync()
    if (!sync) return
    const request: BoardSummon = { id: makeArtifactId(), boardId: board.boardId, memberId: board.me().memberId }
    // Presence, not the document: a summon is for the people here now, and is never saved.
    sync.awareness.setLocalStateField(BOARD_SUMMON_FIELD, request)
    const count = elsewhere().length
    setSummoned(t('board.said.summoned', { count }))
  }

  return (
    <section
      id={props.id}
      class="panel board-panel facilitator-panel"
      hidden={!props.open}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>{t('board.facilitatorTools')}</h2>
      <div class="board-people">
        <p>
          <strong>{board.peopleOnBoard().length + 1}</strong> {t('board.onBoardWithYou')} ·{' '}
          <strong>{elsewhere().length}</strong> {t('board.elsewhereInWorkspace')}
        </p>
        <Show when={board.peopleHere().length > 0}>
          <details class="people-details">
            <summary>{t('board.whoIsHere')}</summary>
            <ul class="people-list">
              <For each={board.peopleHere()}>
                {(person) => (
                  <li>
                    <span class="avatar" style={{ 'background-color': person.colour }} aria-hidden="true">
                      {person.name.slice(0, 1).toUpperCase()}
                    </span>
                    <span>
                      {person.name}
                      <span class="muted">
                        {' '}
                        {person.viewing.includes(board.boardId) ? t('board.person.onBoard') : t('board.person.elsewhere')}
                      </span>
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </details>
        </Show>
        <button
          type="button"
          class="button small"
          aria-describedby={`${id}-summon-hint`}
          disabled={props.readOnly || !board.sync() || elsewhere().length === 0}
          onClick={summon}
        >
          {t('board.bringEveryone')}
        </button>
        <p class="hint" id={`${id}-summon-hint`}>
          {board.sync() ? t('board.bringEveryone.hint') : t('board.bringEveryone.notSyncing')}
        </p>
        <p role="status" class="summon-status">
          {summoned()}
        </p>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={settings().locked}
          disabled={props.readOnly}
          onChange={(event) => {
            const locked = event.currentTarget.checked
            board.act(() => setBoardLocked(board.doc, board.boardId, locked, board.me()))
          }}
        />
        {t('board.lock')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={settings().anonymous}
          disabled={props.readOnly}
          aria-describedby={`${id}-names-hint`}
          onChange={(event) => {
            const anonymous = event.currentTarget.checked
            board.act(() => setBoardAnonymous(board.doc, board.boardId, anonymous, board.me()))
            board.announce(anonymous ? t('board.said.namesHidden') : t('board.said.namesShown'))
          }}
        />
        {t('board.hideNames')}
      </label>
      {/* Each note still records who wrote it (the board's history needs it), so hiding names
          is not anonymity: say so, so nobody promises participants more than it gives. */}
      <p class="hint" id={`${id}-names-hint`}>
        {t('board.hideNames.hint')}
      </p>
      <Show
        when={settings().activeBrainstormId}
        fallback={
          <button
            type="button"
            class="button small"
            disabled={props.readOnly}
            onClick={() => board.act(() => startSilentBrainstorm(board.doc, board.boardId, board.me()))}
          >
            {t('board.startBrainstorm')}
          </button>
        }
      >
        <button
          type="button"
          class="button small primary"
          disabled={props.readOnly}
          onClick={() => board.act(() => revealBrainstorm(board.doc, board.boardId, board.me()))}
        >
          {others() > 0 ? t('board.revealAllHidden', { count: others() }) : t('board.revealAll')}
        </button>
        <button
          type="button"
          class="button small"
          disabled={props.readOnly}
          aria-describedby={`${id}-end-hint`}
          onClick={() => {
            board.act(() => endBrainstormWithoutReveal(board.doc, board.boardId, board.me()))
            board.announce(t('board.said.endedWithoutReveal'))
          }}
        >
          {t('board.endWithoutReveal')}
        </button>
        <p class="hint" id={`${id}-end-hint`}>
          {t('board.endWithoutReveal.hint')}
        </p>
      </Show>
      {/* Said, not hidden: a facilitator looking for the picker learns who can be added and how. */}
      <Show when={candidates().length > 0} fallback={<p class="hint">{t('board.noCofacilitatorChoices')}</p>}>
        <form
          class="add-facilitator"
          onSubmit={(event) => {
            event.preventDefault()
            const member = candidates().find((m) => m.id === chosen())
            if (!member) return
            if (board.act(() => addFacilitator(board.doc, board.boardId, member.id, board.me())) !== undefined)
              board.announce(t('board.said.facilitatorAdded', { name: member.name }))
            setChosen('')
          }}
        >
          <label for={`${id}-member`}>{t('board.addCoFacilitator')}</label>
          <div class="actions">
            <select id={`${id}-member`} value={chosen()} onChange={(event) => setChosen(event.currentTarget.value)}>
              <option value="">{t('board.choosePerson')}</option>
              <For each={candidates()}>{(m) => <option value={m.id}>{m.label}</option>}</For>
            </select>
            <button type="submit" class="button small" disabled={!chosen() || props.readOnly}>
              {t('board.add')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  )
}
