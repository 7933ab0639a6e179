import type { ArtifactKind, ArtifactSummary } from '../../../domain/artifact'

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
