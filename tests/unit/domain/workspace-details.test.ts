import { describe, expect, it } from 'vitest'
import { parseCouncilList, WorkspaceDetailsSchema } from '../../../src/domain/workspace-meta'
import { ProfileSchema } from '../../../src/domain/profile'

describe('parseCouncilList', () => {
  it('splits on new lines and commas, trimming each name', () => {
    expect(parseCouncilList('Oldham Council\n  Preston City Council , Wirral Council\r\n')).toEqual([
      'Oldham Council',
      'Preston City Council',
      'Wirral Council'
    ])
  })

  it('drops blanks and repeats, keeping the first spelling', () => {
    expect(parseCouncilList(',\n\nCardiff Council,, cardiff council\nCARDIFF COUNCIL\n Swansea Council')).toEqual([
      'Cardiff Council',
      'Swansea Council'
    ])
  })

  it('gives an empty list for empty text', () => {
    expect(parseCouncilList('')).toEqual([])
    expect(parseCouncilList(' \n , ')).toEqual([])
  })
})

describe('workspace details', () => {
  const valid = {
    name: '  Community wealth lab ',
    description: '',
    leadCouncil: 'Oldham Council',
    partnerCouncils: ['Preston City Council'],
    startDate: '2026-04-01'
  }

  it('accepts a complete lab and trims what people type', () => {
    expect(WorkspaceDetailsSchema.parse(valid)).toMatchObject({ name: 'Community wealth lab' })
  })

  it('says which partner council is too long, in words a person understands', () => {
    const long = `Cyngor Cymuned ${'Llanfairpwllgwyngyll'.repeat(6)}`
    const result = WorkspaceDetailsSchema.safeParse({ ...valid, partnerCouncils: ['Preston City Council', long] })
    expect(result.success).toBe(false)
    expect(result.error?.issues).toMatchObject([
      { path: ['partnerCouncils', 1], message: `Shorten “${long.slice(0, 40)}…” to 120 characters or fewer (it has ${long.length})` }
    ])
  })

  it('allows the start date to be left empty', () => {
    expect(WorkspaceDetailsSchema.safeParse({ ...valid, startDate: '' }).success).toBe(true)
  })

  it('says what is missing in words a person understands', () => {
    const result = WorkspaceDetailsSchema.safeParse({ ...valid, name: '   ', leadCouncil: '', startDate: '1 April' })
    expect(result.success).toBe(false)
    const messages = Object.fromEntries(result.error?.issues.map((i) => [i.path[0], i.message]) ?? [])
    expect(messages).toEqual({
      name: 'Give the lab a name',
      leadCouncil: 'Name the lead council',
      startDate: expect.stringContaining('2026-04-01')
    })
  })

  it('limits lengths', () => {
    expect(WorkspaceDetailsSchema.safeParse({ ...valid, name: 'x'.repeat(121) }).success).toBe(false)
    expect(WorkspaceDetailsSchema.safeParse({ ...valid, description: 'x'.repeat(2001) }).success).toBe(false)
    expect(
      WorkspaceDetailsSchema.safeParse({ ...valid, partnerCouncils: Array.from({ length: 61 }, (_, i) => `C${i}`) })
        .success
    ).toBe(false)
  })
})

describe('profile', () => {
  it('needs a name, an organisation and one of the offered colours', () => {
    expect(ProfileSchema.safeParse({ name: 'Asha', organisation: 'Oldham Council', colour: '#1d4ed8' }).success).toBe(
      true
    )
    const result = ProfileSchema.safeParse({ name: ' ', organisation: '', colour: 'hotpink' })
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Enter your name',
      'Enter your council or organisation',
      'Choose a colour'
    ])
  })
})
