import { describe, expect, it } from 'vitest'
import { makeConsoleBudget } from '../../../src/sync/console-budget'

describe('the console budget for warnings about what others sent', () => {
  it('writes at most perWindow lines a window, says once that more were left out, and starts again in the next window', () => {
    let now = 1_000
    const lines: string[] = []
    const warn = makeConsoleBudget({ perWindow: 3, windowMs: 60_000, now: () => now, warn: (line) => lines.push(line) })
    for (let i = 0; i < 10; i++) warn(`odd ${i}`)
    expect(lines).toEqual(['odd 0', 'odd 1', 'odd 2', 'Mutual: more warnings like these in the next 60 s are left out.'])
    now += 60_001
    warn('odd again')
    expect(lines.at(-1)).toBe('odd again')
    expect(lines).toHaveLength(5)
  })
})
