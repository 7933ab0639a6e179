import { createRoot } from 'solid-js'
import { afterEach, describe, expect, it } from 'vitest'
import { createArtifact } from '../../../src/crdt/artifacts'
import type * as Y from 'yjs'
import { addPartner, createPartnerMap, partnerMapParts } from '../../../src/crdt/partner-map'
import type { PartnerId } from '../../../src/domain/partner'
import { createEvidenceChoices, describeLink } from '../../../src/ui/features/lab-plan/evidence-choices'
import { setLocale } from '../../../src/ui/i18n/current-locale'
import { asha, newPlan } from './support'

/**
 * A QA pass found the lab plan's "Cite evidence" picker offering "Partner: Newham Food Bank"
 * twice, with nothing to tell which branch was which, after the notes' picker had been taught
 * to tell them apart. Both now label partners with the partner map's own rule.
 */
describe('what an outcome can cite as evidence', () => {
  afterEach(() => setLocale('en'))

  it('tells partners of one name apart, as the notes’ picker does, in the interface language', () => {
    const { doc } = newPlan()
    const mapId = createPartnerMap(doc, { title: 'Partners' }, asha, 3)
    const east = addPartner(doc, mapId, { name: 'Newham Food Bank', type: 'vcse', region: 'East Ham' }, asha, 4) as PartnerId
    const stratford = addPartner(doc, mapId, { name: 'Newham Food Bank', type: 'council', region: 'Stratford' }, asha, 4) as PartnerId
    const age = addPartner(doc, mapId, { name: 'Age UK' }, asha, 4) as PartnerId
    createArtifact(doc, { kind: 'note', title: 'Workshop 1' }, asha, 5)
    createRoot((dispose) => {
      const choices = createEvidenceChoices(doc, 'w'.repeat(32))
      const labelOf = (id: string): string | undefined => choices().find((c) => c.id === id)?.label
      expect(labelOf(east)).toBe('Partner: Newham Food Bank (VCSE organisation)')
      expect(labelOf(stratford)).toBe('Partner: Newham Food Bank (Council)')
      expect(labelOf(age)).toBe('Partner: Age UK')
      expect(choices().map((c) => c.label)).toContain('Note: Workshop 1')
      // The plan's list of what is cited reads the same labels.
      expect(describeLink({ id: east, kind: 'partner' }, choices()).label).toBe('Partner: Newham Food Bank (VCSE organisation)')
      setLocale('cy')
      expect(labelOf(stratford)).toBe('Sefydliad partner: Newham Food Bank (Cyngor)')
      dispose()
    })
  })

  it('calls a partner whose record has no name "Unnamed partner" in the interface language', () => {
    const { doc } = newPlan()
    const mapId = createPartnerMap(doc, { title: 'Partners' }, asha, 3)
    const id = addPartner(doc, mapId, { name: 'Age UK' }, asha, 4) as PartnerId
    doc.transact(() => (partnerMapParts(doc, mapId)?.partners.get(id) as Y.Map<unknown>).delete('name'))
    createRoot((dispose) => {
      const choices = createEvidenceChoices(doc, 'w'.repeat(32))
      const labelOf = (): string | undefined => choices().find((c) => c.id === id)?.label
      expect(labelOf()).toBe('Partner: Unnamed partner')
      setLocale('cy')
      expect(labelOf()).toBe('Sefydliad partner: Partner heb enw')
      dispose()
    })
  })
})
