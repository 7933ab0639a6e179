/**
 * Warnings about what other devices, the signalling server or the relay sent, for whoever looks
 * at the console (something odd is worth knowing about), at most `perWindow` lines per
 * `windowMs`: whatever arrives, a flood cannot fill the log or slow the page by writing to it.
 * The first line past the budget says that more were left out.
 */
export const makeConsoleBudget = (options: { perWindow?: number; windowMs?: number; now?: () => number; warn?: (line: string) => void } = {}) => {
  const perWindow = options.perWindow ?? 50
  const windowMs = options.windowMs ?? 60_000
  const now = options.now ?? Date.now
  const warn = options.warn ?? ((line: string) => console.warn(line))
  let windowStart = -Infinity
  let count = 0
  return (line: string): void => {
    const at = now()
    if (at - windowStart > windowMs) {
      windowStart = at
      count = 0
    }
    count++
    if (count <= perWindow) warn(line)
    else if (count === perWindow + 1) warn(`Mutual: more warnings like these in the next ${Math.round(windowMs / 1000)} s are left out.`)
  }
}
