import { For, Match, Show, Switch, createSignal } from 'solid-js'
import { placeDot, removeDot } from '../../../crdt/board'
import { canPlaceDot, type StickyNote } from '../../../domain/board'
import { useBoard } from './board-context'
import { t } from '../../i18n/t'

const dots = (n: number): string => t('board.dots', { count: n })

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
        board.dotsLeft() === 0 ? t('board.noDotsLeft') : t('board.alreadyDotted')
      )
      return
    }
    setRefusal('')
    if (board.act(() => placeDot(board.doc, board.boardId, props.note.id, board.me()))) {
      const left = board.dotsLeft()
      board.announce(t('board.said.dotPlaced', { text: props.label, left }))
    }
  }
  const take = (): void => {
    if (mine() === 0) {
      setRefusal(t('board.noDotHere'))
      return
    }
    setRefusal('')
    if (board.act(() => removeDot(board.doc, board.boardId, props.note.id, board.me()))) {
      board.announce(t('board.said.dotTaken', { text: props.label, left: board.dotsLeft() }))
    }
  }

  return (
    <Switch>
      <Match when={round()?.status === 'revealed'}>
        <Show when={board.totalOn(props.note.id) > 0} fallback={<p class="sticky-votes muted">{t('board.noDots')}</p>}>
          <p class="sticky-votes">
            <span class="vote-badge">{board.totalOn(props.note.id)}</span>
            <span>
              <Show when={board.rankOf(props.note.id)} fallback={t('board.dotWord', { count: board.totalOn(props.note.id) })}>
                {(r) => t('board.dotsRanked', { count: board.totalOn(props.note.id), rank: r().rank })}
              </Show>
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
              <Show
                when={mine() > 0}
                fallback={
                  <span>
                    {t('board.noDots')}
                    <span class="visually-hidden">{t('board.fromYouHidden')}</span>
                  </span>
                }
              >
                <span>
                  <span class="visually-hidden">{t('board.yourHidden')}</span>
                  {dots(mine())}
                </span>
              </Show>
            </p>
            <Show when={r().status === 'open' && board.canEdit()}>
              <div class="dot-buttons">
                <button
                  type="button"
                  class="button small dot-button"
                  aria-label={t('board.addDot', { text: props.label })}
                  aria-disabled={!canAdd()}
                  onClick={add}
                >
                  <span aria-hidden="true">+</span>
                </button>
                <button
                  type="button"
                  class="button small dot-button"
                  aria-label={t('board.removeDot', { text: props.label })}
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
