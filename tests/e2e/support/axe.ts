import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * Runs axe-core against the page as it is now (WCAG 2.0–2.2 A and AA rules plus best
 * practice) and fails with a readable list of what is wrong and where.
 */
export const expectNoAxeViolations = async (page: Page, screen: string): Promise<void> => {
  const hasAxe = await page.evaluate(() => 'axe' in window)
  // Evaluated through the DevTools protocol, not added as an inline <script>: the app's
  // Content-Security-Policy refuses inline scripts it has no hash for, as it should.
  if (!hasAxe) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }
    })
    return result.violations
  }) as AxeViolation[]
  const report = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  at ${v.nodes.map((n) => n.target.join(' ')).join('\n  at ')}`
  )
  expect(report, `axe-core violations on ${screen}`).toEqual([])
}
