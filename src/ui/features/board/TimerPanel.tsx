import { For, Show, createEffect, createSignal, createUniqueId, on, onCleanup } from 'solid-js'
import {
  addMinuteToBoardTimer,
  pauseBoardTimer,
  resetBoardTimer,
  startBoardTimer
} from '../../../crdt/board'
import { formatTimer, timerClock, timerRemainingMs } from '../../../domain/board'
import { readDeviceId } from '../../../sync/device-id'
import { useBoard } from './board-context'
import { t } from '../../i18n/t'

const LENGTHS_MIN = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60]
const TICK_MS = 250

const spoken = (ms: number): string => {
  const total = Math.ceil(ms / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  const parts = [
    minutes ? t('board.timer.minutes', { count: minutes }) : '',
    seconds ? t('board.timer.seconds', { count: seconds }) : ''
  ]
  return parts.filter(Boolean).join(' ') || t('board.timer.zero')
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
  const resetTo = (minutes: number, said: 'board.timer.setTo' | 'board.timer.resetTo'): void => {
    act(() => resetBoardTimer(board.doc, board.boardId, minutes * 60_000, board.me()))
    board.announce(t(said, { count: minutes }))
  }

  const status = (): string => {
    if (timeUp()) return t('board.timer.up')
    switch (timer().status) {
      case 'running':
        return t('board.timer.running')
      case 'paused':
        return t('board.timer.paused')
      case 'stopped':
        return t('board.timer.ready')
    }
  }

  createEffect(
    on(
      () => [timer().status, Math.ceil(remaining() / 1000)] as const,
      ([state, seconds], previous) => {
        if (!previous) return
        const [wasState, wasSeconds] = previous
        if (state === 'running' && wasState !== 'running') board.announce(t('board.said.timerStarted', { left: spoken(remaining()) }))
        else if (state === 'paused' && wasState === 'running') board.announce(t('board.said.timerPaused', { left: spoken(remaining()) }))
        else if (state === 'running' && seconds === 0 && wasSeconds > 0) board.announce(t('board.said.timeUp'))
        else if (state === 'running' && seconds === 60 && wasSeconds > 60) board.announce(t('board.said.oneMinute'))
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
      <h2 id={`${id}-title`}>{t('board.timer')}</h2>
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
          <span class="visually-hidden">{t('board.timer.controlsHidden')}</span>
          {t('board.timer.controls')}
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
                  ? act((at) => pauseBoardTimer(board.doc, board.boardId, board.me(), at))
                  : // A timer starts by this device's own clock.
                    act(() => startBoardTimer(board.doc, board.boardId, board.me(), Date.now(), readDeviceId()))
              }
            >
              {counting() ? t('board.timer.pause') : timer().status === 'paused' ? t('board.timer.resume') : t('board.timer.start')}
            </button>
            <button
              type="button"
              class="button small"
              onClick={() => act((at) => addMinuteToBoardTimer(board.doc, board.boardId, board.me(), at))}
            >
              {t('board.timer.addMinute')}
            </button>
          </div>
          <div class="timer-reset">
            <label for={`${id}-length`}>{t('board.timer.length')}</label>
            <select
              id={`${id}-length`}
              value={String(length())}
              onChange={(event) => {
                const minutes = Number(event.currentTarget.value)
                setLength(minutes)
                if (timer().status === 'stopped') resetTo(minutes, 'board.timer.setTo')
              }}
            >
              <For each={lengths()}>{(m) => <option value={String(m)}>{t('board.timer.lengthOption', { count: m })}</option>}</For>
            </select>
            <button type="button" class="button small" onClick={() => resetTo(length(), 'board.timer.resetTo')}>
              {t('board.timer.reset')}
            </button>
          </div>
        </div>
      </Show>
    </section>
  )
}
