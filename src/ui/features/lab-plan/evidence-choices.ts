import { createMemo } from 'solid-js'
import type { Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { kindLabel } from '../../i18n/kind-label'
import type { EvidenceKind, EvidenceLink } from '../../../domain/lab-plan/plan-ids'
import { createPartnerChoices } from '../../../reactive/partner-map'
import { withShownNames } from '../partner-map/shown-partner-names'
import { createArtifactSummaries } from '../../../reactive/workspace-projections'
import { href } from '../../router'
import { t } from '../../i18n/t'
import { artifactTitle } from '../../i18n/artifact-title'
import { partnerChoiceLabels } from '../partner-map/partner-choice-labels'
import { partnerTypeLabel } from '../partner-map/partner-labels'

export interface EvidenceChoice {
  id: string
  kind: EvidenceKind
  label: string
  href: string | null
}

/**
 * What an outcome or value can cite: the workspace's notes, reports and boards, and the
 * partners on its partner map, live, by name. Partners of one name (a food bank's branches)
 * say what tells them apart, as the notes' and the map's own pickers do (partnerChoiceLabels).
 */
export const createEvidenceChoices = (doc: Y.Doc, workspaceId: string): Accessor<EvidenceChoice[]> => {
  const artifacts = createArtifactSummaries(doc)
  const stored = createPartnerChoices(doc)
  const partners = createMemo(() => stored().map(withShownNames))
  return createMemo(() => {
    const partnerLabels = partnerChoiceLabels(partners(), partnerTypeLabel)
    return [
      ...artifacts()
        .filter((a) => a.deletedAt === null && (a.kind === 'note' || a.kind === 'report' || a.kind === 'board'))
        .map((a): EvidenceChoice => ({
          id: a.id,
          kind: 'artifact',
          label: `${kindLabel(a.kind, 'one')}: ${artifactTitle(a, t('labPlan.untitled'))}`,
          href: href.artifact(workspaceId, a.id)
        })),
      ...partners().map((p): EvidenceChoice => ({
        id: p.id,
        kind: 'partner',
        label: t('labPlan.partnerChoice', { name: partnerLabels.get(p.id) ?? p.name }),
        href: href.artifact(workspaceId, p.mapId)
      }))
    ]
  })
}

/** A link's choice, or a stand-in for something removed or not yet on this device. */
export const describeLink = (link: EvidenceLink, choices: readonly EvidenceChoice[]): EvidenceChoice =>
  choices.find((c) => c.id === link.id) ?? { ...link, label: t(link.kind === 'partner' ? 'labPlan.partnerNotHere' : 'labPlan.itemNotHere'), href: null }
