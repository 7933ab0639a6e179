import { appTitleKeys } from '../../domain/app-written-titles'
import type { ArtifactSummary } from '../../domain/artifact'
import { shownWords, type ShownWords } from './shown-words'
import { t } from './t'

/**
 * An artifact's title as shown: "Untitled" (or `untitled`) when it has none, a title Mutual gave
 * it (a lab plan's) in the current language, a person's as they typed it.
 */
export const shownTitle = (artifact: Pick<ArtifactSummary, 'kind' | 'title'>, untitled: string = t('common.untitled')): ShownWords =>
  artifact.title ? shownWords(artifact.title, appTitleKeys(artifact.kind)) : { text: untitled, lang: undefined }

/** The text of shownTitle, for a label or a sentence. */
export const artifactTitle = (artifact: Pick<ArtifactSummary, 'kind' | 'title'>, untitled?: string): string => shownTitle(artifact, untitled).text
