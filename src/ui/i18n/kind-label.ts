import type { ArtifactKind } from '../../domain/artifact'
import { t } from './t'

/** "Note" / "Nodyn", "Notes" / "Nodiadau": a kind's name in the interface language. */
export const kindLabel = (kind: ArtifactKind, form: 'one' | 'many'): string => t(`kind.${kind}.${form}`)
