import { Show, createEffect, createSignal, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import { newSummons, type BoardSummon, type SeenSummons } from '../../../domain/board-summon'
import type { ArtifactId } from '../../../domain/ids'
import { readPeopleHere } from '../../../domain/presence'
import { useApp } from '../../app-context'
import { currentRoute, href, navigate } from '../../router'
import { useWorkspaceSync } from '../sync-status/sync-context'
import './summon.css'
import { t } from '../../i18n/t'

const NOTICE_MS = 12_000

interface Notice {
  text: string
  /** Set when the person was typing and was asked rather than moved. */
  boardHref: string | null
}

const isTyping = (): boolean => {
  const active = document.activeElement
  return (
    active instanceof HTMLTextAreaElement ||
    (active instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(active.type)) ||
    (active instanceof HTMLElement && active.isContentEditable)
  )
}

/**
 * Follows a facilitator's "Bring everyone here" wherever this person is in the workspace: the
 * board opens, and a note says who asked. Someone in the middle of typing is asked instead of
 * moved, so nothing they were writing is lost. Only a facilitator of that board can summon.
 */
export const BoardSummonListener = (props: { doc: Y.Doc; workspaceId: string }) => {
  const app = useApp()
  const sync = useWorkspaceSync()
  const [notice, setNotice] = createSignal<Notice | null>(null)
  let hideTimer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(hideTimer))
  const selfId = (): string => {
    const read = app.profile()
    return read.status === 'ok' ? read.profile.id : ''
  }

  const follow = async (summon: BoardSummon, states: Iterable<[number, unknown]>): Promise<void> => {
    // The board's rules load only when someone is actually summoned.
    const { readBoard } = await import('../../../crdt/board')
    const board = readBoard(props.doc, summon.boardId as ArtifactId)
    if (!board || !board.settings.facilitatorIds.includes(summon.memberId)) return
    const route = currentRoute()
    if (route.name === 'workspace' && route.artifactId === summon.boardId) return
    const who = readPeopleHere(states, selfId()).find((p) => p.memberId === summon.memberId)?.name ?? t('board.summon.theFacilitator')
    const target = href.artifact(props.workspaceId, summon.boardId)
    if (isTyping()) {
      setNotice({ text: t('board.summon.bringing', { name: who }), boardHref: target })
      return
    }
    navigate(target)
    const shown: Notice = { text: t('board.summon.brought', { name: who }), boardHref: null }
    setNotice(shown)
    // Nothing to decide here, so the note goes by itself after a while.
    clearTimeout(hideTimer)
    hideTimer = setTimeout(() => setNotice((current) => (current === shown ? null : current)), NOTICE_MS)
  }

  createEffect(() => {
    const current = sync()
    if (!current) return
    let seen: SeenSummons = new Map()
    const check = (): void => {
      const states = [...current.awareness.getStates().entries()]
      const result = newSummons(seen, states, selfId())
      seen = result.seen
      for (const summon of result.fresh) void follow(summon, states)
    }
    check()
    current.awareness.on('change', check)
    onCleanup(() => current.awareness.off('change', check))
  })

  return (
    <Show when={notice()}>
      {(shown) => (
        <div class="toasts board-summon-toast">
          <div class="toast" role="status">
            <span>{shown().text}</span>
            <Show when={shown().boardHref}>
              {(target) => (
                <a class="button small primary" href={target()} onClick={() => setNotice(null)}>
                  {t('board.summon.go')}
                </a>
              )}
            </Show>
            <button type="button" class="button small" onClick={() => setNotice(null)}>
              {t('board.summon.dismiss')}
            </button>
          </div>
        </div>
      )}
    </Show>
  )
}
