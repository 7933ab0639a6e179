import { createSignal, type Accessor, type Setter } from 'solid-js'

/**
 * The last problem an action hit, for an alert above a view, and `act` to run an action
 * through it: a change that throws (a locked board, a read-only workspace) shows its message
 * instead of breaking the page, and a change that works clears the last one.
 */
export const createActionProblem = (): {
  problem: Accessor<string | null>
  setProblem: Setter<string | null>
  act: <T>(change: () => T) => T | undefined
} => {
  const [problem, setProblem] = createSignal<string | null>(null)
  const act = <T>(change: () => T): T | undefined => {
    try {
      const result = change()
      setProblem(null)
      return result
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
      return undefined
    }
  }
  return { problem, setProblem, act }
}
