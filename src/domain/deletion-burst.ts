/**
 * When a run of deletions is destructive enough to flag on the overview. A run is deletions
 * that follow each other with gaps under `DELETION_RUN_GAP_MS`; tidying a few items away is not
 * flagged, removing most of the work (or every version) in minutes is.
 */
export const DELETION_RUN_GAP_MS = 10 * 60 * 1000

export interface DeletionRunCounts {
  /** Artifacts in use when the run began (removed or moved to the bin count as removed). */
  artifactsBefore: number
  versionsBefore: number
  artifactsRemoved: number
  versionsRemoved: number
}

/** Flag when at least 3 artifacts and half of them went, or every version (at least 2) did. */
export const isDestructiveRun = (run: DeletionRunCounts): boolean =>
  (run.artifactsRemoved >= 3 && run.artifactsRemoved * 2 >= run.artifactsBefore) ||
  (run.versionsBefore >= 2 && run.versionsRemoved >= run.versionsBefore)
