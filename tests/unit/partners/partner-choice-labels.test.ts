import { describe, expect, it } from 'vitest'
import { PARTNER_TYPE_LABELS, type Contact, type ItemId, type PartnerType } from '../../../src/domain/partner'
import { partnerChoiceLabels } from '../../../src/ui/features/partner-map/partner-choice-labels'
import { makePartner, testId } from './support'

/**
 * The "Other partner" list of a partner's relationships: a QA pass found "Newham Food Bank"
 * three times in it, with nothing to tell which was which.
 */
const typeLabel = (type: PartnerType): string => PARTNER_TYPE_LABELS[type]
const contact = (name: string): Contact => ({ id: testId() as ItemId, name, jobTitle: '', email: '', phone: '', createdAt: 0 })
const labelsOf = (partners: ReturnType<typeof makePartner>[]): string[] => {
  const labels = partnerChoiceLabels(partners, typeLabel)
  return partners.map((p) => labels.get(p.id) ?? '')
}

describe('partner choice labels', () => {
  it('leaves a name that appears once as it is', () => {
    expect(labelsOf([makePartner('Oldham Council', { type: 'council', region: 'North West' }), makePartner('Age UK Oldham')])).toEqual([
      'Oldham Council',
      'Age UK Oldham'
    ])
  })

  it('tells partners of one name apart by the fewest details that differ', () => {
    const byType = [makePartner('Newham Food Bank', { type: 'vcse', region: 'London' }), makePartner('Newham Food Bank', { type: 'business', region: 'London' })]
    expect(labelsOf(byType)).toEqual(['Newham Food Bank (VCSE organisation)', 'Newham Food Bank (Business)'])

    const byRegion = [
      makePartner('Newham Food Bank', { type: 'vcse', region: 'East Ham' }),
      makePartner('Newham Food Bank', { type: 'vcse', region: 'Stratford' }),
      makePartner('Oldham Council')
    ]
    expect(labelsOf(byRegion)).toEqual(['Newham Food Bank (VCSE organisation, East Ham)', 'Newham Food Bank (VCSE organisation, Stratford)', 'Oldham Council'])
  })

  it('uses the first contact when type and region are the same, and numbers partners alike in everything', () => {
    const three = [
      makePartner('Newham Food Bank', { type: 'vcse', region: 'Newham', contacts: [contact('Priya Shah')] }),
      makePartner('Newham Food Bank', { type: 'vcse', region: 'Newham', contacts: [contact('Tom Reed')] }),
      makePartner('Newham Food Bank', { type: 'vcse', region: 'Newham' })
    ]
    const labels = labelsOf(three)
    expect(labels).toEqual([
      'Newham Food Bank (VCSE organisation, Newham, Priya Shah)',
      'Newham Food Bank (VCSE organisation, Newham, Tom Reed)',
      'Newham Food Bank (VCSE organisation, Newham)'
    ])

    const twins = labelsOf([makePartner('Newham Food Bank'), makePartner('newham food bank ')])
    expect(twins).toEqual(['Newham Food Bank (Other, 1)', 'newham food bank (Other, 2)'])
    expect(new Set(twins).size).toBe(2)
  })
})
