import { describe, expect, it } from 'vitest'
import { nestedHeadingLevels } from '../../../src/domain/nested-heading-levels'

describe('a document’s headings shown under a heading of the page', () => {
  it('puts level 1 one below the page’s heading, and each level one below the last', () => {
    expect(nestedHeadingLevels([1, 2, 3, 1, 2], 2)).toEqual([3, 4, 5, 3, 4])
  })

  it('never skips a level, also when the document starts below level 1 or skips one itself', () => {
    // A note whose headings are all level 2 was shown as <h4>s under the History panel's <h2>.
    expect(nestedHeadingLevels([2, 2, 3], 2)).toEqual([3, 3, 4])
    expect(nestedHeadingLevels([1, 3, 2, 3], 2)).toEqual([3, 4, 4, 5])
    expect(nestedHeadingLevels([3, 1], 1)).toEqual([2, 2])
  })

  it('stops at <h6>', () => {
    expect(nestedHeadingLevels([1, 2, 3], 4)).toEqual([5, 6, 6])
  })
})
