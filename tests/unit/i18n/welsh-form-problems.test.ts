import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { translateKnown } from '../../../src/domain/i18n/known-text'
import { makeTranslator } from '../../../src/ui/i18n/make-translator'
import { WorkspaceDetailsSchema } from '../../../src/domain/workspace-meta'
import { ProfileSchema } from '../../../src/domain/profile'
import { parseNoteField } from '../../../src/domain/note'
import { CommentBodySchema, MAX_COMMENT_LENGTH } from '../../../src/domain/comment'
import { SectionAssignmentSchema } from '../../../src/domain/report'
import { titleProblems } from '../../../src/domain/artifact-title'
import { ARTIFACT_KINDS } from '../../../src/domain/artifact'
import { addComment, makeTextAnchor } from '../../../src/crdt/comments'
import { makeArtifactId } from '../../../src/domain/ids'

/**
 * Issue 16 (#12): the checks on what people type (a workspace's, profile's, note's, comment's,
 * title's or report section's fields) refused in English while the app was in Welsh. Their
 * words are now the English catalogue's, which the form shows in the chosen language.
 */
const cy = makeTranslator('cy')
const en = makeTranslator('en')
const welsh = (text: string): string => translateKnown(cy, text)
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }): string[] =>
  result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.message)

describe('refusals of what people type, in Welsh', () => {
  it('says a lab needs a name and a lead council, and keeps a list and a date in bounds', () => {
    const found = messages(
      WorkspaceDetailsSchema.safeParse({
        name: ' ',
        description: '',
        leadCouncil: '',
        partnerCouncils: Array.from({ length: 61 }, (_, i) => `Council ${i}`),
        startDate: '1 April'
      })
    ).map(welsh)
    expect(found).toEqual([
      'Rhowch enw i’r labordy',
      'Enwch y cyngor arweiniol',
      'Rhestrwch hyd at 60 o gynghorau partner',
      'Defnyddiwch ddyddiad fel 2026-04-01'
    ])
  })

  it('says a partner council’s name is too long, keeping the name as typed', () => {
    const long = 'Cyngor '.repeat(30)
    const [message] = messages(WorkspaceDetailsSchema.shape.partnerCouncils.safeParse([long]))
    expect(welsh(message ?? '')).toBe(`Byrhewch “${long.trim().slice(0, 40)}…” i 120 nod neu lai (mae ganddo ${long.trim().length})`)
  })

  it('says a description is too long, with its limit', () => {
    const [message] = messages(WorkspaceDetailsSchema.shape.description.safeParse('a'.repeat(2001)))
    expect(welsh(message ?? '')).toBe('Defnyddiwch 2,000 nod neu lai')
  })

  it('asks for a name, a council and a colour in the profile', () => {
    const found = messages(ProfileSchema.safeParse({ name: '', organisation: '', colour: 'tartan' })).map(welsh)
    expect(found).toEqual(['Rhowch eich enw', 'Rhowch eich cyngor neu’ch sefydliad', 'Dewiswch liw'])
  })

  it('refuses a note’s date and a place that is too long', () => {
    const date = parseNoteField('date', 'next Tuesday')
    const place = parseNoteField('place', 'x'.repeat(201))
    expect(date.ok || welsh(date.message)).toBe('Defnyddiwch ddyddiad fel 2026-04-01')
    expect(place.ok || welsh(place.message)).toBe('Defnyddiwch 200 nod neu lai')
  })

  it('asks for a comment, and says how long it may be', () => {
    expect(messages(CommentBodySchema.safeParse('  ')).map(welsh)).toEqual(['Ysgrifennwch sylw yn gyntaf'])
    expect(messages(CommentBodySchema.safeParse('a'.repeat(MAX_COMMENT_LENGTH + 1))).map(welsh)).toEqual(['Defnyddiwch 5,000 nod neu lai'])
  })

  it('says a comment cannot be added to a document that is not in the workspace', () => {
    const doc = new Y.Doc()
    const text = doc.getText('somewhere')
    text.insert(0, 'Some text')
    const anchor = makeTextAnchor({ type: text, index: 0 }, { type: text, index: 4 })
    const actor = { name: 'Ann', organisation: 'Cardiff Council' }
    const added = addComment(doc, makeArtifactId(), { anchor, quote: 'Some', body: 'Hello' }, actor, 0)
    expect(added.ok || welsh(added.message)).toBe('Nid yw’r ddogfen hon yn y gweithle mwyach.')
  })

  it('asks for a title for every kind of item, in Welsh, and says how long it may be', () => {
    for (const kind of ARTIFACT_KINDS) {
      const [english] = titleProblems('   ', kind)
      expect(english).toMatch(/^Give the .+ a title$/)
      expect(welsh(english ?? '')).toMatch(/^Rhowch deitl i’r /)
      expect(translateKnown(en, english ?? '')).toBe(english)
    }
    expect(titleProblems('x'.repeat(201), 'note').map(welsh)).toEqual(['Defnyddiwch 200 nod neu lai ar gyfer y teitl'])
  })

  it('says a report section’s owner is too long', () => {
    const found = messages(SectionAssignmentSchema.safeParse({ owner: 'o'.repeat(81), council: '', status: 'draft' })).map(welsh)
    expect(found).toEqual(['Defnyddiwch 80 nod neu lai'])
  })
})
