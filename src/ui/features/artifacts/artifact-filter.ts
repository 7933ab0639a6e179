import { ARTIFACT_KINDS, type ArtifactKind, type ArtifactSummary } from '../../../domain/artifact'

export interface ArtifactFilter {
  /** Matches titles and tags, ignoring case. */
  text: string
  kind: ArtifactKind | 'all'
  tag: string
}

export const NO_FILTER: ArtifactFilter = { text: '', kind: 'all', tag: '' }

export const isFiltering = (filter: ArtifactFilter): boolean =>
  filter.text.trim() !== '' || filter.kind !== 'all' || filter.tag !== ''

/** Whether an artifact is shown under the filter. */
export const matchesFilter = (artifact: ArtifactSummary, filter: ArtifactFilter): boolean => {
  if (filter.kind !== 'all' && artifact.kind !== filter.kind) return false
  if (filter.tag && !artifact.tags.includes(filter.tag)) return false
  const text = filter.text.trim().toLowerCase()
  if (!text) return true
  return artifact.title.toLowerCase().includes(text) || artifact.tags.some((tag) => tag.includes(text))
}

/** Every tag in use (outside the bin), sorted, for the tag filter. */
export const tagsInUse = (artifacts: readonly ArtifactSummary[]): string[] =>
  [...new Set(artifacts.filter((a) => a.deletedAt === null).flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b))

export interface SidebarSections {
  /** Each kind's items outside the bin that the filter shows, in the order given. */
  byKind: Record<ArtifactKind, ArtifactSummary[]>
  /** Everything in the bin, most recently binned first (the filter does not apply there). */
  binned: ArtifactSummary[]
}

/**
 * The sidebar's lists in one pass over the artifacts. A two-year lab has about 800, each read
 * through the store's proxies: a pass per kind read every one of them five times as the
 * overview opened (issue 15).
 */
export const sidebarSections = (artifacts: readonly ArtifactSummary[], filter: ArtifactFilter): SidebarSections => {
  const byKind = Object.fromEntries(ARTIFACT_KINDS.map((kind) => [kind, [] as ArtifactSummary[]])) as Record<ArtifactKind, ArtifactSummary[]>
  const binned: ArtifactSummary[] = []
  for (const artifact of artifacts) {
    if (artifact.deletedAt !== null) binned.push(artifact)
    else if (matchesFilter(artifact, filter)) byKind[artifact.kind]?.push(artifact)
  }
  binned.sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0))
  return { byKind, binned }
}
