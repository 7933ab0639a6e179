/**
 * The `lang` for a region holding what a person wrote (a note's text, a workspace's name, a
 * board note): the empty string, which HTML defines as "language unknown".
 *
 * Why not inherit the interface language: in Welsh, <html lang="cy"> would make a screen reader
 * read an English report with Welsh pronunciation rules (and the other way round: a Welsh note
 * read by English rules while the interface is English). Mutual never translates or detects the
 * language of content, so it says it does not know, and the reader uses the person's own default
 * voice. Spread it on the element: `<div {...CONTENT_LANG}>`.
 */
export const CONTENT_LANG = { lang: '' } as const
