import { describe, expect, it } from 'vitest'
import { facilitatorChoices } from '../../../src/ui/features/board/facilitator-choices'

/**
 * "Add a co-facilitator": a QA pass found it offering twelve past authors who were not members,
 * and not Gareth, who had just joined and was on the board.
 */
const record = (id: string, name: string, organisation: string) => ({ id, name, organisation })
const records = [record('rhian', 'Rhian Evans', 'Cardiff Council'), record('past1', 'Ann Past', 'Oldham Council'), record('past2', 'Bob Past', 'Wirral Council')]
const labels = (input: Parameters<typeof facilitatorChoices>[0]) => facilitatorChoices(input).map((c) => c.label)

describe('co-facilitator choices', () => {
  it('offers the members the log lets facilitate, not everyone with a record', () => {
    expect(labels({ mayFacilitate: ['rhian', 'gareth'], records: [...records, record('gareth', 'Gareth Morgan', 'Newport')], present: [], facilitators: ['rhian'], unnamed: '?' })).toEqual([
      'Gareth Morgan (Newport)'
    ])
  })

  it('names a member who just joined by their presence, or as not seen yet, until their record arrives', () => {
    const present = [{ memberId: 'gareth', name: 'Gareth Morgan', organisation: 'Newport' }]
    expect(labels({ mayFacilitate: ['rhian', 'gareth', 'sian'], records, present, facilitators: ['rhian'], unnamed: 'A member who has not opened the workspace yet' })).toEqual([
      'Gareth Morgan (Newport)',
      'A member who has not opened the workspace yet'
    ])
  })

  it('goes by the records in a workspace from before signed membership', () => {
    expect(labels({ mayFacilitate: null, records, present: [], facilitators: ['rhian'], unnamed: '?' })).toEqual(['Ann Past (Oldham Council)', 'Bob Past (Wirral Council)'])
  })
})
