import type { ArtifactKind } from '../../domain/artifact'
import { t } from './t'

/** "Note" / "Nodyn", "Notes" / "Nodiadau": a kind's name in the interface language. */
export const kindLabel = (kind: ArtifactKind, form: 'one' | 'many'): string => t(`kind.${kind}.${form}`)

/**
 * A kind as an ICU select value: selectors cannot hold "-", so "partner-map" is "partner_map"
 * (messages write `{kind, select, note {…} partner_map {…} other {…}}`).
 */
export const kindSelector = (kind: ArtifactKind): string => kind.replace('-', '_')
