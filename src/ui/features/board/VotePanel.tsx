import { For, Match, Show, Switch, createMemo, createSignal, createUniqueId } from 'solid-js'
import { closeVote, dismissRefusedDots, openVote, revealVote } from '../../../crdt/board'
import { refusedDotMessage, refusedDots } from '../../../domain/board'
import { InPageLink } from '../../components/InPageLink'
import { focusAfterRender } from '../../components/focus-after-render'
import { makeFocusHandoff } from '../../components/focus-handoff'
import { shortText, useBoard } from './board-context'
import { t } from '../../i18n/t'

const dots = (n: number): string => t('board.dots', { count: n })

/**
 * The dot vote: the facilitator opens it (dots per person, several on one note or not),
 * closes and reveals it; everyone sees how many dots they have left, and counts only after
 * the reveal.
 */
export const VotePanel = () => {
  const board = useBoard()
  const id = createUniqueId()
  const round = () => board.board().round
  const [setting, setSetting] = createSignal(false)
  const voters = () => new Set(board.counting().map((d) => d.voterId)).size
  const facilitating = () => board.isFacilitator() && board.canEdit()
  // Each step's control replaces the last: focus moves on to the next one.
  const focus = makeFocusHandoff()

  return (
    <section class="panel board-panel vote-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('board.dotVote')}</h2>
      <Switch>
        <Match when={setting() && facilitating()}>
          <OpenVoteForm
            takeFocus={focus.take}
            onDone={(opened) => {
              focus.pass()
              setSetting(false)
              if (opened) board.announce(t('board.said.votingOpenWith', { count: opened }))
            }}
          />
        </Match>
        <Match when={!round()}>
          <p class="muted">{t('board.noVote')}</p>
          <Show when={facilitating()}>
            <button
              type="button"
              class="button small primary"
              ref={focus.take}
              onClick={() => {
                focus.pass()
                setSetting(true)
              }}
            >
              {t('board.startVote')}
            </button>
          </Show>
        </Match>
        <Match when={round()?.status === 'open' && round()}>
          {(r) => (
            <>
              <p class="dots-left">
                <strong>{t('board.dotsLeftOf', { left: board.dotsLeft(), count: r().dotsPerPerson })}</strong>{' '}
                {t('board.leftToPlace')}
              </p>
              <p class="muted">
                {r().allowSeveralOnOneNote ? t('board.severalAllowed') : t('board.oneDotPerNote')}{' '}
                {t('board.votersSoFar', { count: voters() })}
              </p>
              <Show when={facilitating()}>
                <div class="actions">
                  <button
                    type="button"
                    class="button small"
                    ref={focus.take}
                    onClick={() => {
                      focus.pass()
                      board.act(() => closeVote(board.doc, board.boardId, board.me()))
                    }}
                  >
                    {t('board.closeVoting')}
                  </button>
                  <RevealButton passFocus={focus.pass} />
                </div>
              </Show>
            </>
          )}
        </Match>
        <Match when={round()?.status === 'closed'}>
          <p>{t('board.votingClosed', { count: voters() })}</p>
          <Show when={facilitating()} fallback={<p class="muted">{t('board.waitingForReveal')}</p>}>
            <RevealButton passFocus={focus.pass} takeFocus={focus.take} />
          </Show>
        </Match>
        <Match when={round()?.status === 'revealed'}>
          <p>
            {t('board.resultsRevealed')}{' '}
            <InPageLink target="vote-results" ref={focus.take}>
              {t('board.seeRanking')}
            </InPageLink>
          </p>
          <Show when={facilitating()}>
            <button
              type="button"
              class="button small"
              onClick={() => {
                focus.pass()
                setSetting(true)
              }}
            >
              {t('board.startNewVote')}
            </button>
          </Show>
        </Match>
      </Switch>
      <RefusedDots />
    </section>
  )
}

/**
 * Dots of this person's that the allowance refused after two of their tabs or devices placed
 * dots at the same moment: each tab had confirmed its dot, so each refused one is named until
 * they have read it (then it is cleared, so it can never start counting unannounced).
 */
const RefusedDots = () => {
  const board = useBoard()
  const messages = createMemo(() => {
    const { round, notes, dots } = board.board()
    if (!round) return []
    const live = new Set(notes.filter((n) => n.deletedAt === null).map((n) => n.id))
    const text = (noteId: string) => shortText(notes.find((n) => n.id === noteId)?.text ?? '')
    return refusedDots(round, dots, live)
      .filter((d) => d.voterId === board.me().memberId)
      .map((d) => refusedDotMessage(round, board.counting(), d, text(d.noteId)))
  })
  return (
    <div role="status" class="vote-feedback">
      <Show when={messages().length > 0}>
        <For each={messages()}>{(message) => <p>{message}</p>}</For>
        <Show when={board.canEdit()}>
          <button
            type="button"
            class="button small"
            onClick={(event) => {
              // The button goes with the messages: focus stays in the panel, on its heading.
              const heading = event.currentTarget.closest('section')?.querySelector<HTMLElement>('h2')
              if (heading) {
                heading.tabIndex = -1
                focusAfterRender(() => heading)
              }
              board.act(() => dismissRefusedDots(board.doc, board.boardId, board.me()))
              board.announce(t('board.said.refusedCleared'))
            }}
          >
            {t('board.clearRefused', { count: messages().length })}
          </button>
        </Show>
      </Show>
    </div>
  )
}

const RevealButton = (props: { passFocus: () => void; takeFocus?: (el: HTMLElement) => void }) => {
  const board = useBoard()
  return (
    <button
      type="button"
      class="button small primary"
      ref={(el) => props.takeFocus?.(el)}
      onClick={() => {
        props.passFocus()
        board.act(() => revealVote(board.doc, board.boardId, board.me()))
      }}
    >
      {t('board.revealResults')}
    </button>
  )
}

const OpenVoteForm = (props: { onDone: (dotsPerPerson: number | null) => void; takeFocus: (el: HTMLElement) => void }) => {
  const board = useBoard()
  const id = createUniqueId()
  const [count, setCount] = createSignal('3')
  const [several, setSeveral] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  return (
    <form
      class="stack-tight"
      onSubmit={(event) => {
        event.preventDefault()
        const n = Number(count())
        if (!Number.isInteger(n) || n < 1 || n > 20) {
          setError(t('board.dotsRange'))
          return
        }
        const opened = board.act(() =>
          openVote(board.doc, board.boardId, { dotsPerPerson: n, allowSeveralOnOneNote: several() }, board.me(), Date.now())
        )
        props.onDone(opened ? n : null)
      }}
    >
      <div class="field">
        <label for={`${id}-dots`}>{t('board.dotsPerPerson')}</label>
        <input
          id={`${id}-dots`}
          ref={props.takeFocus}
          type="number"
          inputmode="numeric"
          min="1"
          max="20"
          value={count()}
          aria-invalid={error() ? true : undefined}
          aria-describedby={error() ? `${id}-error` : undefined}
          onInput={(event) => setCount(event.currentTarget.value)}
        />
        <Show when={error()}>
          <p class="error-message" id={`${id}-error`}>
            {error()}
          </p>
        </Show>
      </div>
      <label class="check">
        <input type="checkbox" checked={several()} onChange={(event) => setSeveral(event.currentTarget.checked)} />
        {t('board.allowSeveral')}
      </label>
      <div class="actions">
        <button type="submit" class="button small primary">
          {t('board.openVoting')}
        </button>
        <button type="button" class="button small" onClick={() => props.onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
