import { For, Show, createEffect, createSignal, createUniqueId, on, onCleanup } from 'solid-js'
import {
  addMinuteToBoardTimer,
  pauseBoardTimer,
  resetBoardTimer,
  startBoardTimer
} from '../../../crdt/board'
import { formatTimer, timerClock, timerRemainingMs } from '../../../domain/board'
import { plural } from '../../../domain/plural'
import { readDeviceId } from '../../../sync/device-id'
import { useBoard } from './board-context'

const LENGTHS_MIN = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60]
const TICK_MS = 250

const spoken = (ms: number): string => {
  const total = Math.ceil(ms / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  const parts = [minutes ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '', seconds ? `${seconds} seconds` : '']
  return parts.filter(Boolean).join(' ') || '0 seconds'
}

/**
 * The shared timer. It shows the time left from the shared end time, so every device reads
 * the same; screen readers hear only the changes that matter (started, paused, one minute
 * left, time up), never every second.
 */
export const TimerPanel = () => {
  const board = useBoard()
  const id = createUniqueId()
  const [now, setNow] = createSignal(Date.now())
  const ticker = setInterval(() => setNow(Date.now()), TICK_MS)
  onCleanup(() => clearInterval(ticker))
  const timer = () => board.board().timer
  // A change from elsewhere is shown against the time now, not the last tick.
  createEffect(on(timer, () => setNow(Date.now()), { defer: true }))
  // The time now by the clock the timer runs by: the starting device's, read through its
  // offset from this one, so a device whose clock is out still shows the facilitator's time.
  const offset = (): number => board.sync()?.clockOffset(timerClock(timer())) ?? 0
  const timerNow = (): number => now() + offset()
  // Never more than the timer's length, even with the offset estimate a little out.
  const remaining = () => Math.min(timer().durationMs, timerRemainingMs(timer(), timerNow()))
  const running = () => timer().status === 'running'
  const timeUp = () => running() && remaining() === 0
  const counting = () => running() && !timeUp()
  // The length a Reset sets. While the timer is ready (not started), it is the timer's own
  // length, kept in step with changes from other devices, and choosing one sets the timer.
  const sharedMinutes = (): number => Math.round(timer().durationMs / 60_000)
  const [length, setLength] = createSignal(sharedMinutes() || 5)
  const [controlsOpen, setControlsOpen] = createSignal(false)
  createEffect(
    on(
      () => (timer().status === 'stopped' ? sharedMinutes() : 0),
      (minutes) => {
        if (minutes > 0) setLength(minutes)
      }
    )
  )
  const lengths = (): number[] => (LENGTHS_MIN.includes(length()) ? LENGTHS_MIN : [...LENGTHS_MIN, length()].sort((a, b) => a - b))
  const resetTo = (minutes: number, said: string): void => {
    act(() => resetBoardTimer(board.doc, board.boardId, minutes * 60_000, board.me()))
    board.announce(`${said} ${plural(minutes, 'minute')}.`)
  }

  const status = (): string => {
    if (timeUp()) return 'Time’s up'
    switch (timer().status) {
      case 'running':
        return 'Running'
      case 'paused':
        return 'Paused'
      case 'stopped':
        return 'Ready'
    }
  }

  createEffect(
    on(
      () => [timer().status, Math.ceil(remaining() / 1000)] as const,
      ([state, seconds], previous) => {
        if (!previous) return
        const [wasState, wasSeconds] = previous
        if (state === 'running' && wasState !== 'running') board.announce(`Timer started: ${spoken(remaining())} left.`)
        else if (state === 'paused' && wasState === 'running') board.announce(`Timer paused with ${spoken(remaining())} left.`)
        else if (state === 'running' && seconds === 0 && wasSeconds > 0) board.announce('Time is up.')
        else if (state === 'running' && seconds === 60 && wasSeconds > 60) board.announce('One minute left.')
      }
    )
  )

  /** `change` gets the time now by the timer's clock. */
  const act = (change: (now: number) => unknown): void => {
    board.act(() => change(Date.now() + offset()))
    setNow(Date.now())
  }

  return (
    <section class="panel board-panel timer-panel" classList={{ 'is-up': timeUp() }} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Timer</h2>
      <div class="timer-readout">
        <p class="timer-display" role="timer" aria-atomic="true" aria-describedby={`${id}-status`}>
          {formatTimer(remaining())}
        </p>
        <p class="timer-status" id={`${id}-status`}>
          {status()}
        </p>
      </div>
      <Show when={board.isFacilitator() && board.canEdit()}>
        {/* On a phone the controls fold behind this button, so the reading and the board share
            the first screen; a wider screen always shows them and never this button. */}
        <button
          type="button"
          class="button small timer-controls-toggle"
          aria-expanded={controlsOpen()}
          aria-controls={`${id}-controls`}
          onClick={() => setControlsOpen(!controlsOpen())}
        >
          <span class="visually-hidden">Timer </span>Controls
        </button>
        <div id={`${id}-controls`} class="timer-controls" classList={{ 'is-open': controlsOpen() }}>
          <div class="actions">
            {/* One button that turns from Start to Pause and back, so focus stays on it. */}
            <button
              type="button"
              class="button small primary"
              disabled={!counting() && (timeUp() || remaining() === 0)}
              onClick={() =>
                counting()
                  ? act((t) => pauseBoardTimer(board.doc, board.boardId, board.me(), t))
                  : // A timer starts by this device's own clock.
                    act(() => startBoardTimer(board.doc, board.boardId, board.me(), Date.now(), readDeviceId()))
              }
            >
              {counting() ? 'Pause' : timer().status === 'paused' ? 'Resume' : 'Start'}
            </button>
            <button
              type="button"
              class="button small"
              onClick={() => act((t) => addMinuteToBoardTimer(board.doc, board.boardId, board.me(), t))}
            >
              +1 minute
            </button>
          </div>
          <div class="timer-reset">
            <label for={`${id}-length`}>Length</label>
            <select
              id={`${id}-length`}
              value={String(length())}
              onChange={(event) => {
                const minutes = Number(event.currentTarget.value)
                setLength(minutes)
                if (timer().status === 'stopped') resetTo(minutes, 'Timer set to')
              }}
            >
              <For each={lengths()}>{(m) => <option value={String(m)}>{m} min</option>}</For>
            </select>
            <button type="button" class="button small" onClick={() => resetTo(length(), 'Timer reset to')}>
              Reset
            </button>
          </div>
        </div>
      </Show>
    </section>
  )
}
