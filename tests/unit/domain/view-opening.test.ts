import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterViewOpens, beginViewOpening, viewOpened, viewOpening } from '../../../src/domain/view-opening'
import { whenIdle } from '../../../src/domain/when-idle'

// Node has no requestIdleCallback: whenIdle falls back to a timer, which fake timers drive.
beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  viewOpened()
  vi.useRealTimers()
})

describe('a view opening holds back work that can wait', () => {
  it('runs a task at once when no view is opening', () => {
    const ran: string[] = []
    afterViewOpens(() => ran.push('now'))
    expect(ran).toEqual(['now'])
  })

  it('runs waiting tasks, in order, once the view says it has opened', () => {
    const ran: string[] = []
    beginViewOpening()
    afterViewOpens(() => ran.push('first'))
    afterViewOpens(() => ran.push('second'))
    expect(ran).toEqual([])
    viewOpened()
    expect(ran).toEqual(['first', 'second'])
    expect(viewOpening()).toBe(false)
  })

  it('does not run a waiting task that was cancelled', () => {
    const ran: string[] = []
    beginViewOpening()
    const cancel = afterViewOpens(() => ran.push('cancelled'))
    afterViewOpens(() => ran.push('kept'))
    cancel()
    viewOpened()
    expect(ran).toEqual(['kept'])
  })

  it('gives up waiting two seconds after the last move, for a page that never says it opened', () => {
    const ran: string[] = []
    beginViewOpening()
    afterViewOpens(() => ran.push('waited'))
    vi.advanceTimersByTime(1_500)
    beginViewOpening()
    vi.advanceTimersByTime(1_999)
    expect(ran).toEqual([])
    vi.advanceTimersByTime(1)
    expect(ran).toEqual(['waited'])
    expect(viewOpening()).toBe(false)
  })

  it('whenIdle does not run its task while a view is opening, even when its idle moment comes', () => {
    const ran: string[] = []
    whenIdle(() => ran.push('idle work'), 1_000)
    beginViewOpening()
    vi.advanceTimersByTime(10)
    expect(ran).toEqual([])
    viewOpened()
    // The task waits for the next idle moment after the opening, not the opening's end itself.
    expect(ran).toEqual([])
    vi.advanceTimersByTime(1)
    expect(ran).toEqual(['idle work'])
  })

  it('whenIdle cancels a task that is waiting for a view to open', () => {
    const ran: string[] = []
    const cancel = whenIdle(() => ran.push('cancelled'), 1_000)
    beginViewOpening()
    vi.advanceTimersByTime(10)
    cancel()
    viewOpened()
    vi.advanceTimersByTime(10)
    expect(ran).toEqual([])
  })

  it('whenIdle runs its task as before when no view is opening', () => {
    const ran: string[] = []
    whenIdle(() => ran.push('idle work'), 1_000)
    vi.advanceTimersByTime(1)
    expect(ran).toEqual(['idle work'])
  })
})
