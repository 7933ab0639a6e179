import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LOCAL_EDIT } from '../../../src/crdt/origins'
import { makeWorkspaceId } from '../../../src/domain/ids'
import { makeWorkspaceDoc } from '../../../src/crdt/workspace-doc'
import { artifactBody, createArtifact, readArtifactSummaries, renameArtifact } from '../../../src/crdt/artifacts'
import { addComment, makeTextAnchor, readCommentAnchors, resolveCommentAnchor } from '../../../src/crdt/comments'
import { initialiseWorkspace, readWorkspaceMeta, updateWorkspaceDetails } from '../../../src/crdt/workspace-meta'
import {
  createVersion,
  docAtVersion,
  needsDailyVersion,
  readVersions,
  restoreArtifactToVersion,
  restoreWorkspaceDetailsToVersion
} from '../../../src/crdt/versions'

const ann = { name: 'Ann', organisation: 'Oldham Council' }
const bob = { name: 'Bob', organisation: 'Preston City Council' }

const paragraph = (text: string): Y.XmlElement => {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  return p
}

const setUp = () => {
  const doc = makeWorkspaceDoc(makeWorkspaceId())
  initialiseWorkspace(doc, { name: 'Lab', description: '', leadCouncil: 'Oldham Council', partnerCouncils: ['Wirral Council'], startDate: '' }, ann, 1)
  const reportId = createArtifact(doc, { kind: 'report', title: 'Draft report' }, ann, 2)
  doc.transact(() => artifactBody(doc, reportId)?.insert(0, [paragraph('Findings so far.'), paragraph('Recommendations.')]))
  return { doc, reportId }
}

const plainText = (text: Y.XmlText): string => (text.toDelta() as { insert: string }[]).map((op) => op.insert).join('')

const bodyText = (doc: Y.Doc, id: Parameters<typeof artifactBody>[1]): string => artifactBody(doc, id)?.toString() ?? ''

describe('versions', () => {
  it('lists named versions newest first and opens any of them as it was', () => {
    const { doc, reportId } = setUp()
    const first = createVersion(doc, { name: 'Sent to CCIN board, 12 March', kind: 'named' }, ann, 100)
    renameArtifact(doc, reportId, 'Final report', ann, 150)
    createVersion(doc, { name: 'After review', kind: 'named' }, bob, 200)
    expect(readVersions(doc).map((v) => v.name)).toEqual(['After review', 'Sent to CCIN board, 12 March'])
    const old = docAtVersion(doc, first)
    expect(old && readArtifactSummaries(old)[0]?.title).toBe('Draft report')
    expect(readArtifactSummaries(doc)[0]?.title).toBe('Final report')
  })

  it('restores a report whose whole text was deleted, as a new change that can itself be undone', () => {
    const { doc, reportId } = setUp()
    const before = bodyText(doc, reportId)
    const version = createVersion(doc, { name: 'Good copy', kind: 'named' }, ann, 100)
    doc.transact(() => artifactBody(doc, reportId)?.delete(0, 2))
    expect(bodyText(doc, reportId)).toBe('')

    expect(restoreArtifactToVersion(doc, reportId, version, ann, 300)).toBe(true)
    expect(bodyText(doc, reportId)).toBe(before)
    // The state just before the restore was kept, so the restore can be undone by restoring that.
    const undo = readVersions(doc).find((v) => v.kind === 'before-restore')
    expect(undo?.name).toContain('Good copy')
    restoreArtifactToVersion(doc, reportId, undo?.id as string, ann, 400)
    expect(bodyText(doc, reportId)).toBe('')
  })

  it('merges a restore with a concurrent edit from another peer', () => {
    const { doc: a, reportId } = setUp()
    const version = createVersion(a, { name: 'Good copy', kind: 'named' }, ann, 100)
    a.transact(() => artifactBody(a, reportId)?.delete(0, 2))
    const b = new Y.Doc({ gc: false })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))

    restoreArtifactToVersion(a, reportId, version, ann, 300)
    b.transact(() => artifactBody(b, reportId)?.insert(0, [paragraph('Bob wrote this meanwhile.')]))
    updateWorkspaceDetails(b, { description: 'Edited by Bob' })

    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(bodyText(a, reportId)).toBe(bodyText(b, reportId))
    expect(bodyText(a, reportId)).toContain('Findings so far.')
    expect(bodyText(a, reportId)).toContain('Bob wrote this meanwhile.')
    expect(readWorkspaceMeta(a).description).toBe('Edited by Bob')
  })

  /**
   * QA (a lab report co-written with comments): restoring a version replaced the report's whole
   * text with a copy, so every comment in it came back "Detached" (its words were deleted, even
   * where the restore changed nothing), "Changes since" the restore showed the whole report
   * removed and added again, and a colleague's edit made meanwhile to any paragraph was lost.
   * Now only what differs from the version changes.
   */
  it('changes only what differs: comments on the rest stay attached, a colleague’s edit elsewhere stays', () => {
    const { doc: a, reportId } = setUp()
    const body = artifactBody(a, reportId)!
    const findings = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText
    const recommendations = (body.get(1) as Y.XmlElement).get(0) as Y.XmlText
    a.transact(() => {
      findings.format(0, 8, { bold: true })
      body.insert(2, [paragraph('Next steps.')])
    })
    const comment = (text: Y.XmlText, from: number, to: number): string => {
      const made = addComment(
        a,
        reportId,
        { anchor: makeTextAnchor({ type: text, index: from }, { type: text, index: to }), quote: plainText(text).slice(from, to), body: 'Source?' },
        bob,
        50
      )
      if (!made.ok) throw new Error(made.message)
      return made.value
    }
    const onSoFar = comment(findings, 9, 15)
    const onRecommendations = comment(recommendations, 0, 15)
    const version = createVersion(a, { name: 'Good copy', kind: 'named' }, ann, 100)
    const asItWas = bodyText(a, reportId)

    // After the version: words added after the commented ones, bold taken off, a paragraph
    // added, the last one deleted.
    a.transact(() => {
      findings.insert(16, ' More to come.')
      findings.format(0, 8, { bold: null })
      body.insert(2, [paragraph('An idea for later.')])
      body.delete(3, 1)
    })
    const b = new Y.Doc({ gc: false })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))

    expect(restoreArtifactToVersion(a, reportId, version, ann, 300)).toBe(true)
    expect(bodyText(a, reportId)).toBe(asItWas)
    const attached = (doc: Y.Doc, threadId: string): string | null => {
      const anchor = readCommentAnchors(doc, reportId).get(threadId)
      const range = anchor ? resolveCommentAnchor(doc, anchor) : null
      return range && range.start.type === range.end.type ? plainText(range.start.type as Y.XmlText).slice(range.start.index, range.end.index) : null
    }
    expect(attached(a, onSoFar)).toBe('so far')
    expect(attached(a, onRecommendations)).toBe('Recommendations')

    // Meanwhile, on another device, a word added to "Recommendations." (which the restore leaves
    // as it was) is there once both have merged.
    const bobsText = ((artifactBody(b, reportId)!.get(1) as Y.XmlElement).get(0) as Y.XmlText)
    b.transact(() => bobsText.insert(15, ' for Oldham'))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(bodyText(a, reportId)).toBe(bodyText(b, reportId))
    expect(bodyText(a, reportId)).toContain('<paragraph>Recommendations for Oldham.</paragraph>')
  })

  it('restores workspace details without touching artifacts', () => {
    const { doc, reportId } = setUp()
    const version = createVersion(doc, { name: 'v1', kind: 'named' }, ann, 100)
    updateWorkspaceDetails(doc, { name: 'Renamed lab', partnerCouncils: ['Wirral Council', 'Cardiff Council'] })
    renameArtifact(doc, reportId, 'Kept title', ann, 150)
    restoreWorkspaceDetailsToVersion(doc, version, ann, 200)
    expect(readWorkspaceMeta(doc)).toMatchObject({ name: 'Lab', partnerCouncils: ['Wirral Council'] })
    expect(readArtifactSummaries(doc)[0]?.title).toBe('Kept title')
  })

  it('asks for one automatic version per local day', () => {
    const { doc } = setUp()
    const day = new Date(2026, 10, 24, 9, 0).getTime()
    expect(needsDailyVersion(doc, day)).toBe(true)
    createVersion(doc, { name: 'Start of day', kind: 'first-edit-of-day' }, ann, day)
    expect(needsDailyVersion(doc, day + 3 * 3600_000)).toBe(false)
    expect(needsDailyVersion(doc, day + 24 * 3600_000)).toBe(true)
  })

  it('ignores a malformed version sent by a peer', () => {
    const { doc } = setUp()
    doc.getMap('versions').set('junk', new Y.Map())
    createVersion(doc, { name: 'ok', kind: 'named' }, ann, 100)
    expect(readVersions(doc).map((v) => v.name)).toEqual(['ok'])
    expect(docAtVersion(doc, 'junk')).toBeNull()
  })
})

describe('automatic daily versions', () => {
  it('keeps the state from before the first local edit of each day, once per day', async () => {
    const { keepDailyVersions } = await import('../../../src/crdt/daily-versions')
    const { doc, reportId } = setUp()
    let clock = new Date(2026, 10, 24, 9, 0).getTime()
    const stop = keepDailyVersions(doc, () => ann, () => clock)
    renameArtifact(doc, reportId, 'Edited in the morning', ann, clock)
    await Promise.resolve()
    clock += 3600_000
    renameArtifact(doc, reportId, 'Edited later that day', ann, clock)
    await Promise.resolve()
    expect(readVersions(doc).filter((v) => v.kind === 'first-edit-of-day')).toHaveLength(1)
    const morning = readVersions(doc)[0]
    const old = docAtVersion(doc, morning?.id as string)
    expect(old && readArtifactSummaries(old)[0]?.title).toBe('Draft report')

    clock += 24 * 3600_000
    renameArtifact(doc, reportId, 'Next day', ann, clock)
    await Promise.resolve()
    expect(readVersions(doc).filter((v) => v.kind === 'first-edit-of-day')).toHaveLength(2)
    stop()
  })

  it('keeps the text from before the first keystroke of the day typed in the editor', async () => {
    const { keepDailyVersions } = await import('../../../src/crdt/daily-versions')
    // The editor's binding, as the editor's code loads it: its writes are typing.
    const { ySyncPluginKey } = await import('@tiptap/y-tiptap')
    await import('../../../src/editor/y-sync-binding')
    const { doc, reportId } = setUp()
    const text = new Y.XmlText('We asked residents')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [text])
    doc.transact(() => artifactBody(doc, reportId)!.push([paragraph]), LOCAL_EDIT)
    const clock = new Date(2026, 11, 7, 9, 0).getTime()
    const stop = keepDailyVersions(doc, () => ann, () => clock)
    // The first key of the day, as the binding writes it.
    doc.transact(() => text.insert(0, 'Q'), ySyncPluginKey)
    await Promise.resolve()
    const [day] = readVersions(doc).filter((v) => v.kind === 'first-edit-of-day')
    const old = docAtVersion(doc, day?.id as string)
    const before = old ? artifactBody(old, reportId)?.toString() : undefined
    expect(before).toContain('<paragraph>We asked residents</paragraph>')
    expect(artifactBody(doc, reportId)?.toString()).toContain('<paragraph>QWe asked residents</paragraph>')
    stop()
  })
})
