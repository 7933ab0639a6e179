import type { Translate } from '../i18n/catalogue'
import { translateKnown } from '../i18n/known-text'
import type { Locale } from '../i18n/locale'
import { formatBytes } from '../storage-health'
import type { SizeProblem } from './limits'

/**
 * Why a chosen photo or file was not added. Kept as facts (sizes in bytes, the file's name,
 * what its bytes turned out to be) rather than a sentence, so the person reads it in their
 * language with the figures written its way (describeAttachmentProblem).
 */
export type AttachmentProblem =
  | SizeProblem
  /** A type Mutual does not attach (a program, an archive…). */
  | { kind: 'not-accepted'; name: string }
  /** The bytes are not what the name or type says; `found` is what they are ("PNG"), or null when unknown. */
  | { kind: 'not-what-it-says'; name: string; found: string | null }
  /** Fixed words from the English catalogue (a photo that could not be made ready, a storage problem). */
  | { kind: 'said'; message: string }

/**
 * How the file came: 'photo' through "Add photo", whose picker offers only images, so a refused
 * type is told which images it takes; 'any' through "Attach file", a drop or a paste.
 */
export type AttachmentRoute = 'photo' | 'any'

/**
 * The problem as the person reads it, in the language `tr` speaks (`l` writes the sizes),
 * in the words of the way it was chosen (`route`).
 */
export const describeAttachmentProblem = (problem: AttachmentProblem, tr: Translate, l: Locale, route: AttachmentRoute = 'any'): string => {
  switch (problem.kind) {
    case 'too-large':
      return tr('attachments.problem.tooLarge', { size: formatBytes(problem.size, l), max: formatBytes(problem.max, l) })
    case 'workspace-full':
      return tr('attachments.problem.workspaceFull', { stored: formatBytes(problem.stored, l), max: formatBytes(problem.max, l) })
    case 'not-accepted':
      if (route === 'photo')
        return problem.name ? tr('attachments.problem.notAPhoto', { name: problem.name }) : tr('attachments.problem.notAPhotoUnnamed')
      return problem.name ? tr('attachments.problem.notAccepted', { name: problem.name }) : tr('attachments.problem.notAcceptedUnnamed')
    case 'not-what-it-says': {
      const found = problem.found ?? 'unknown'
      return problem.name ? tr('attachments.problem.mismatch', { name: problem.name, found }) : tr('attachments.problem.mismatchUnnamed', { found })
    }
    case 'said':
      return translateKnown(tr, problem.message)
  }
}
