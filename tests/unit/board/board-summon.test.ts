import { describe, expect, it } from 'vitest'
import { BOARD_SUMMON_FIELD, newSummons } from '../../../src/domain/board-summon'

const fay = 'f'.repeat(32)
const sam = 'a'.repeat(32)
const board = 'b'.repeat(32)
const state = (memberId: string, summonId?: string) => ({
  user: { memberId },
  ...(summonId ? { [BOARD_SUMMON_FIELD]: { id: summonId, boardId: board, memberId } } : {})
})

describe('bring everyone here', () => {
  it('follows a summon that appears, once', () => {
    const first = newSummons(new Map(), [[1, state(fay)], [2, state(sam)]], sam)
    expect(first.fresh).toEqual([])
    const second = newSummons(first.seen, [[1, state(fay, 's1')], [2, state(sam)]], sam)
    expect(second.fresh).toEqual([{ id: 's1', boardId: board, memberId: fay }])
    // The same summon, seen again (e.g. another field of that person changed), is not followed again.
    expect(newSummons(second.seen, [[1, state(fay, 's1')], [2, state(sam)]], sam).fresh).toEqual([])
    // A new one is.
    expect(newSummons(second.seen, [[1, state(fay, 's2')], [2, state(sam)]], sam).fresh).toHaveLength(1)
  })

  it('ignores a summon already there when its sender came into view, one’s own, and malformed ones', () => {
    const start = newSummons(new Map(), [[2, state(sam)]], sam)
    // Fay arrives with an old summon still in her presence: not followed.
    const arrived = newSummons(start.seen, [[1, state(fay, 'old')], [2, state(sam)]], sam)
    expect(arrived.fresh).toEqual([])
    // Sam's own summon (another tab of Sam) does not move Sam.
    expect(newSummons(arrived.seen, [[1, state(fay, 'old')], [3, state(sam, 'mine')]], sam).fresh).toEqual([])
    const bad = { user: { memberId: fay }, [BOARD_SUMMON_FIELD]: { id: 'x', boardId: 'not-an-id', memberId: fay } }
    expect(newSummons(arrived.seen, [[1, bad]], sam).fresh).toEqual([])
  })
})
