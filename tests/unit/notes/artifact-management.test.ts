import { describe, expect, it } from 'vitest'
import {
  artifactBody,
  markArtifactEdited,
  moveArtifactToBin,
  readArtifactSummaries,
  restoreArtifact,
  setArtifactTags
} from '../../../src/crdt/artifacts'
import { createNote } from '../../../src/crdt/note-meta'
import { createReport } from '../../../src/crdt/report-sections'
import { parseTags } from '../../../src/domain/tags'
import { findNoteTemplate } from '../../../src/domain/templates/note-templates'
import { findReportTemplate } from '../../../src/domain/templates/report-templates'
import { asha, ben, copyOf, exchange, newWorkspace } from './fixtures'

describe('artifact tags, bin and restore', () => {
  it('normalises tags and merges additions made on two devices at once', () => {
    const a = newWorkspace()
    const id = createNote(a, { title: 'Visit', template: findNoteTemplate('site-visit')!, tags: ['housing'] }, asha, 1)
    const b = copyOf(a)
    setArtifactTags(a, id, parseTags('Housing,  Food   Poverty'), asha, 2)
    setArtifactTags(b, id, parseTags('housing, youth voice'), ben, 3)
    exchange(a, b)
    expect(readArtifactSummaries(a)[0]!.tags).toEqual(['food poverty', 'housing', 'youth voice'])
    expect(readArtifactSummaries(b)[0]!.tags).toEqual(['food poverty', 'housing', 'youth voice'])
    setArtifactTags(a, id, ['food poverty'], asha, 4)
    exchange(a, b)
    expect(readArtifactSummaries(b)[0]!.tags).toEqual(['food poverty'])
  })

  it('moving to the bin keeps the whole body, and restoring brings it back unchanged', () => {
    const doc = newWorkspace()
    const id = createReport(doc, { title: 'Lab report', template: findReportTemplate('ccin-lab-report')! }, asha, 1)
    const before = artifactBody(doc, id)!.toJSON()
    expect(moveArtifactToBin(doc, id, ben, 5)).toBe(true)
    expect(readArtifactSummaries(doc)[0]).toMatchObject({ id, deletedAt: 5, updatedBy: ben })
    expect(artifactBody(doc, id)!.toJSON()).toBe(before)
    expect(restoreArtifact(doc, id)).toBe(true)
    expect(readArtifactSummaries(doc)[0]).toMatchObject({ id, deletedAt: null, updatedBy: ben })
    expect(artifactBody(doc, id)!.toJSON()).toBe(before)
  })

  it('records who last edited the body, newest first in the list', () => {
    const doc = newWorkspace()
    const first = createNote(doc, { title: 'First', template: findNoteTemplate('blank-note')! }, asha, 1)
    createNote(doc, { title: 'Second', template: findNoteTemplate('blank-note')! }, asha, 2)
    markArtifactEdited(doc, first, ben, 10)
    expect(readArtifactSummaries(doc).map((a) => a.title)).toEqual(['First', 'Second'])
    expect(readArtifactSummaries(doc)[0]).toMatchObject({ updatedBy: ben, updatedAt: 10 })
  })
})
