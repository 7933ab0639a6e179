import type { ArtifactKind } from './artifact'
import type { MessageKey } from './i18n/catalogue'

/**
 * The titles Mutual gives an artifact itself, by kind: a lab plan is started by a button, with
 * no title typed, so it is named "Lab plan" in the language of whoever started it. Read with
 * domain/i18n/app-words.ts, which shows them in the reader's language until someone renames it.
 */
export const APP_WRITTEN_TITLES: Readonly<Partial<Record<ArtifactKind, readonly MessageKey[]>>> = {
  'lab-plan': ['labPlan.title']
}

export const appTitleKeys = (kind: ArtifactKind): readonly MessageKey[] => APP_WRITTEN_TITLES[kind] ?? []
