import type { ArtifactKind } from './artifact'
import { formProblemsEn } from './i18n/areas/form-problems.en'
import { fillKnown } from './i18n/known-text'

export const MAX_TITLE_LENGTH = 200

/**
 * What is wrong with a title someone typed for a note, report or other item (nothing: []).
 * In the catalogue's English, so the form shows it in the chosen language (translateKnown).
 */
export const titleProblems = (title: string, kind: ArtifactKind): string[] => {
  const name = title.trim()
  if (!name) return [formProblemsEn[`form.problem.title.${kind}`]]
  if (name.length > MAX_TITLE_LENGTH) return [fillKnown('form.problem.titleTooLong', { max: MAX_TITLE_LENGTH })]
  return []
}
