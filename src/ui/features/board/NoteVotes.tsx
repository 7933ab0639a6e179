import { For, Match, Show, Switch, createSignal } from 'solid-js'
import { placeDot, removeDot } from '../../../crdt/board'
import { canPlaceDot, type StickyNote } from '../../../domain/board'
import { useBoard } from './board-context'

const dots = (n: number): string => `${n} ${n === 1 ? 'dot' : 'dots'}`

/** A note's part in the current vote: your dots while voting, everyone's once revealed. */
export const NoteVotes = (props: { note: StickyNote; label: string }) => {
  const board = useBoard()
  const round = () => board.board().round
  const mine = () => board.myDotsOn(props.note.id)
  const live = () => new Set(board.board().notes.filter((n) => n.deletedAt === null).map((n) => n.id))
  const canAdd = () => {
    const r = round()
    return r !== null && board.canEdit() && canPlaceDot(r, board.board().dots, live(), board.me().memberId, props.note.id)
  }

  // Why pressing a button did nothing, shown beside it and read out (its own status region).
  const [refusal, setRefusal] = createSignal('')
  // The buttons stay focusable when they cannot act (aria-disabled), so focus is never lost
  // from under a keyboard user, and pressing one says why nothing happened.
  const add = (): void => {
    if (!canAdd()) {
      setRefusal(
        board.dotsLeft() === 0 ? 'You have no dots left. Take one back to move it.' : 'You already have a dot on this note.'
      )
      return
    }
    setRefusal('')
    if (board.act(() => placeDot(board.doc, board.boardId, props.note.id, board.me()))) {
      const left = board.dotsLeft()
      board.announce(`Dot placed on “${props.label}”. ${left === 0 ? 'You have no dots left.' : `You have ${dots(left)} left.`}`)
    }
  }
  const take = (): void => {
    if (mine() === 0) {
      setRefusal('You have no dot on this note.')
      return
    }
    setRefusal('')
    if (board.act(() => removeDot(board.doc, board.boardId, props.note.id, board.me()))) {
      board.announce(`Dot taken back from “${props.label}”. You have ${dots(board.dotsLeft())} left.`)
    }
  }

  return (
    <Switch>
      <Match when={round()?.status === 'revealed'}>
        <Show when={board.totalOn(props.note.id) > 0} fallback={<p class="sticky-votes muted">No dots</p>}>
          <p class="sticky-votes">
            <span class="vote-badge">{board.totalOn(props.note.id)}</span>
            <span>
              {board.totalOn(props.note.id) === 1 ? 'dot' : 'dots'}
              <Show when={board.rankOf(props.note.id)}>{(r) => <> · ranked {r().rank}</>}</Show>
            </span>
          </p>
        </Show>
      </Match>
      <Match when={round()}>
        {(r) => (
          <div class="sticky-voting">
            <p class="my-dots">
              <Show when={mine() > 0}>
                <span class="dot-marks" aria-hidden="true">
                  <For each={Array.from({ length: mine() })}>{() => <span class="dot-mark" />}</For>
                </span>
              </Show>
              {/* Short to the eye ("2 dots") beside the note's author; whole when read out. */}
              <Show when={mine() > 0} fallback={<span>No dots<span class="visually-hidden"> from you</span></span>}>
                <span>
                  <span class="visually-hidden">Your </span>
                  {dots(mine())}
                </span>
              </Show>
            </p>
            <Show when={r().status === 'open' && board.canEdit()}>
              <div class="dot-buttons">
                <button
                  type="button"
                  class="button small dot-button"
                  aria-label={`Add dot to “${props.label}”`}
                  aria-disabled={!canAdd()}
                  onClick={add}
                >
                  <span aria-hidden="true">+</span>
                </button>
                <button
                  type="button"
                  class="button small dot-button"
                  aria-label={`Remove dot from “${props.label}”`}
                  aria-disabled={mine() === 0}
                  onClick={take}
                >
                  <span aria-hidden="true">−</span>
                </button>
              </div>
              <div role="status" class="vote-feedback">
                <Show when={refusal()}>
                  <p>{refusal()}</p>
                </Show>
              </div>
            </Show>
          </div>
        )}
      </Match>
    </Switch>
  )
}
