import { describe, expect, it } from 'vitest'
import type { ArtifactKind, ArtifactSummary } from '../../../src/domain/artifact'
import { makeArtifactId } from '../../../src/domain/ids'
import { NO_FILTER, sidebarSections } from '../../../src/ui/features/artifacts/artifact-filter'

const someone = { name: 'Asha Patel', organisation: 'Oldham Council' }
const artifact = (kind: ArtifactKind, title: string, extra: Partial<ArtifactSummary> = {}): ArtifactSummary => ({
  id: makeArtifactId(),
  kind,
  title,
  createdBy: someone,
  createdAt: 1,
  updatedBy: someone,
  updatedAt: 1,
  tags: [],
  deletedAt: null,
  ...extra
})

describe('the sidebar sections', () => {
  const visit = artifact('note', 'Site visit to Rochdale', { tags: ['housing'] })
  const interview = artifact('note', 'Interview with tenants')
  const report = artifact('report', 'Final report', { tags: ['housing'] })
  const board = artifact('board', 'Kick-off workshop')
  const oldBin = artifact('note', 'Draft agenda', { deletedAt: 100 })
  const newBin = artifact('report', 'Old outline', { deletedAt: 200 })
  const all = [visit, interview, report, board, oldBin, newBin]

  it('lists each kind apart, keeping the order given, and leaves the bin out of them', () => {
    const { byKind } = sidebarSections(all, NO_FILTER)
    expect(byKind.note).toEqual([visit, interview])
    expect(byKind.report).toEqual([report])
    expect(byKind.board).toEqual([board])
    expect(byKind['partner-map']).toEqual([])
    expect(byKind['lab-plan']).toEqual([])
  })

  it('lists the bin most recently binned first, whatever the filter', () => {
    expect(sidebarSections(all, NO_FILTER).binned).toEqual([newBin, oldBin])
    expect(sidebarSections(all, { text: 'visit', kind: 'note', tag: '' }).binned).toEqual([newBin, oldBin])
  })

  it('applies the filter to every kind', () => {
    const byTag = sidebarSections(all, { text: '', kind: 'all', tag: 'housing' }).byKind
    expect(byTag.note).toEqual([visit])
    expect(byTag.report).toEqual([report])
    expect(byTag.board).toEqual([])
    const byText = sidebarSections(all, { text: 'INTERVIEW', kind: 'all', tag: '' }).byKind
    expect(byText.note).toEqual([interview])
    expect(sidebarSections(all, { text: '', kind: 'report', tag: '' }).byKind.note).toEqual([])
  })
})
