import { describe, expect, it } from 'vitest'
import { MAX_PENCE, formatPence, parsePence, penceToInput, percentOf, sumPence } from '../../../src/domain/money'
import { budgetPosition, budgetTotals, totalsByCategory } from '../../../src/domain/lab-plan/budget'

const pence = (text: string): number => {
  const result = parsePence(text)
  if (!result.ok) throw new Error(`${text}: ${result.message}`)
  return result.pence
}

describe('amounts typed as pounds become whole pence', () => {
  it('reads the ways people write money', () => {
    expect(pence('£1,234.56')).toBe(123456)
    expect(pence('1234.56')).toBe(123456)
    expect(pence(' £ 10,000 ')).toBe(1_000_000)
    expect(pence('12.5')).toBe(1250)
    expect(pence('.75')).toBe(75)
    expect(pence('7.')).toBe(700)
    expect(pence('0')).toBe(0)
    expect(pence('')).toBe(0)
  })

  it('rounds a third decimal place half up on the digits, not through floating point', () => {
    // 1.005 * 100 is 100.49999999999999 in floating point; the penny must still round up.
    expect(pence('1.005')).toBe(101)
    expect(pence('1.004')).toBe(100)
    expect(pence('0.995')).toBe(100)
    expect(pence('2.675')).toBe(268)
    expect(pence('19.999')).toBe(2000)
  })

  it('says when it rounded what was typed, so the form can tell the person', () => {
    expect(parsePence('10.555')).toEqual({ ok: true, pence: 1056, rounded: true })
    expect(parsePence('10.551')).toEqual({ ok: true, pence: 1055, rounded: true })
    expect(parsePence('£0.0001')).toEqual({ ok: true, pence: 0, rounded: true })
    // Zeros past the penny change nothing: nothing was rounded.
    for (const exact of ['10.55', '10.550', '10.5500', '10', '7.', '', '1,234.56']) expect(parsePence(exact), exact).toMatchObject({ ok: true, rounded: false })
  })

  it('refuses what is not an amount, with a message a person can act on', () => {
    for (const bad of ['abc', '12,34', '1,2345.00', '£', '.', '1.2.3', '£-5', '-5', '1e5', 'x'.repeat(40)]) {
      const result = parsePence(bad)
      expect(result.ok, bad).toBe(false)
      if (!result.ok) expect(result.message).toMatch(/amount/)
    }
    expect(parsePence('-5')).toEqual({ ok: false, message: 'Enter an amount of £0 or more' })
  })

  it('refuses more than the largest amount', () => {
    expect(parsePence('10,000,000')).toEqual({ ok: true, pence: MAX_PENCE, rounded: false })
    expect(parsePence('10,000,000.01').ok).toBe(false)
    expect(parsePence('99999999999999999999').ok).toBe(false)
  })

  it('formats pence as pounds and back again', () => {
    expect(formatPence(123456)).toBe('£1,234.56')
    expect(formatPence(5)).toBe('£0.05')
    expect(formatPence(1_000_000)).toBe('£10,000.00')
    expect(formatPence(-50_000)).toBe('-£500.00')
    for (const value of [0, 1, 99, 100, 123456, MAX_PENCE]) {
      expect(pence(formatPence(value))).toBe(value)
      expect(pence(penceToInput(value))).toBe(value)
    }
  })

  it('rounds percentages half up with integers, and has none of nothing', () => {
    expect(percentOf(1, 8)).toBe(13) // 12.5 rounds up
    expect(percentOf(1, 3)).toBe(33)
    expect(percentOf(2, 3)).toBe(67)
    expect(percentOf(1_000_001, 1_000_000)).toBe(100)
    expect(percentOf(150, 100)).toBe(150)
    expect(percentOf(5, 0)).toBeNull()
  })
})

describe('budget totals', () => {
  it('adds many lines of pennies exactly, where floats drift', () => {
    const lines = Array.from({ length: 300 }, (_, i) => ({ planned: 10, committed: 20, spent: i % 3 === 0 ? 1 : 0 }))
    expect(budgetTotals(lines)).toEqual({ planned: 3000, committed: 6000, spent: 100 })
    // The same sum in floating-point pounds is not exact: the reason money is kept in pence.
    expect(Array.from({ length: 300 }, () => 0.1).reduce((a, b) => a + b, 0)).not.toBe(30)
    expect(sumPence(Array.from({ length: 300 }, () => 10))).toBe(3000)
  })

  it('says what remains against the award and warns when the lines exceed it', () => {
    // The EOI example: 4 x action research reviews £5,000, report £500, resources £500, video £4,000.
    const lines = [500_000, 50_000, 50_000, 400_000].map((planned) => ({ planned, committed: 0, spent: planned / 2 }))
    const exact = budgetPosition(lines, 1_000_000)
    expect(exact).toMatchObject({ remaining: 0, overAward: false, usedPercent: 50 })
    const over = budgetPosition([...lines, { planned: 1, committed: 0, spent: 0 }], 1_000_000)
    expect(over).toMatchObject({ remaining: -1, overAward: true })
    expect(budgetPosition(lines, 0).usedPercent).toBeNull()
  })

  it('totals by category, only the categories in use', () => {
    const line = (category: 'research' | 'travel', planned: number) => ({ item: 'x', council: '', category, planned, committed: 0, spent: 0 })
    expect(totalsByCategory([line('travel', 5), line('research', 7), line('travel', 1)])).toEqual([
      { category: 'research', totals: { planned: 7, committed: 0, spent: 0 } },
      { category: 'travel', totals: { planned: 6, committed: 0, spent: 0 } }
    ])
  })
})
