/** HTML has six heading levels. */
const DEEPEST = 6

/**
 * The HTML levels (2 for <h2>…) at which a document's headings are shown when the document sits
 * under a heading of the page at `underLevel`: the History panel's "As it was in …" is an <h2>.
 *
 * `levels` are the document's own heading levels (1 to 3), in reading order. Each heading is shown
 * at its depth in the document's outline, one below the heading it comes under (or the page's),
 * so no level is ever skipped: a skipped level (an <h2> then an <h4>) tells a screen-reader user
 * a heading is missing (axe heading-order). A note whose headings start at level 2 had them
 * shown as <h4>s under the panel's <h2>.
 */
export const nestedHeadingLevels = (levels: readonly number[], underLevel: number): number[] => {
  // The levels of the headings the next one may come under, outermost first.
  const open: number[] = []
  return levels.map((level) => {
    while (open.length > 0 && (open.at(-1) ?? 0) >= level) open.pop()
    open.push(level)
    return Math.min(underLevel + open.length, DEEPEST)
  })
}
