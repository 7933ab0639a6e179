import type { ArtifactId } from '../../../src/domain/ids'
import {
  PARTNER_ROLES,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  RELATIONSHIP_TYPES,
  RESOURCE_CATEGORIES,
  type PartnerId,
  type PartnerInput
} from '../../../src/domain/partner'
import { addContact, addResource } from '../../../src/crdt/partner-items'
import { addPartner, createPartnerMap, updatePartner } from '../../../src/crdt/partner-map'
import { addRelationship } from '../../../src/crdt/partner-relationships'
import type { Random } from './random'
import type { Person, ScheduledSession, SessionContext } from './sessions'
import { workingMoment } from './sessions'

const PLACES = ['Oldham', 'Kirklees', 'Plymouth', 'Sunderland', 'Lambeth', 'Cardiff', 'Preston', 'Rochdale', 'Leeds', 'Newham', 'Barnsley', 'Stockport']
const NAMES = ['Food Bank', 'Community Trust', 'Credit Union', 'Youth Forum', 'Carers Centre', 'Tenants Federation', 'Energy Co-operative', 'Chamber of Commerce', 'Primary Care Network', 'Refugee Welcome', 'Arts Collective', 'Men’s Shed', 'Women’s Centre', 'Library Friends', 'Housing Co-operative', 'Business Improvement District', 'College', 'Mosque Trust', 'Parish Church', 'Allotment Society']
const REGIONS = ['North of England', 'Wales & Midlands', 'South of England', 'Scotland & NI']
const FIRST = ['Amira', 'Ben', 'Chloe', 'Dev', 'Ellie', 'Farah', 'Gareth', 'Hannah', 'Imran', 'Jo', 'Kemi', 'Liam', 'Maya', 'Niall', 'Owen', 'Priya', 'Rosa', 'Sam', 'Tariq', 'Uma']
const LAST = ['Ahmed', 'Brown', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis', 'Morgan', 'Nowak', 'Okafor', 'Patel']
const JOBS = ['Chief executive', 'Project lead', 'Volunteer co-ordinator', 'Policy officer', 'Community organiser', 'Head of partnerships', '']
const NOTES = ['Met at the launch; keen to host a session.', 'Wants data on outcomes before committing.', 'Cautious about staff time.', 'Already runs something similar in two wards.', 'Could co-fund the pilot.', '']
const DETAILS = ['Meeting rooms on weekday evenings', 'Volunteer time for the pilot', 'Local spending data', 'Small grants budget', 'Facilitation skills', 'Translation support']

/** Who in the lab holds the partner map, shared with the notes that name partners. */
export interface PartnerDirectory {
  mapId: ArtifactId | null
  ids: PartnerId[]
}

export interface PartnerMapSummary {
  partners: number
  relationships: number
  contacts: number
}

const partnerInput = (random: Random, n: number): PartnerInput => ({
  name: `${random.pick(PLACES)} ${random.pick(NAMES)}${n > 100 ? ` (${n})` : ''}`,
  type: random.pick(PARTNER_TYPES),
  region: random.pick(REGIONS),
  role: random.pick(PARTNER_ROLES),
  status: random.pick(PARTNER_STATUSES),
  website: random.chance(0.6) ? `https://example.org/partners/${n}` : '',
  notes: random.pick(NOTES)
})

const contactInput = (random: Random) => {
  const first = random.pick(FIRST)
  const last = random.pick(LAST)
  return {
    name: `${first} ${last}`,
    jobTitle: random.pick(JOBS),
    email: random.chance(0.8) ? `${first}.${last}@example.org`.toLowerCase() : '',
    phone: random.chance(0.5) ? `0161 770 ${random.between(1000, 9999)}` : ''
  }
}

/**
 * One partner map with `count` partners, built up over a dozen sittings through the partner
 * map's crdt functions: partners added a handful at a time, most with a contact and a link to
 * a partner already there, some with offers and needs, then details edited as work goes on.
 */
export const planPartnerMap = (
  random: Random,
  people: readonly Person[],
  count: number,
  window: { start: number; days: number },
  directory: PartnerDirectory
): { sessions: ScheduledSession[]; summary: PartnerMapSummary } => {
  const summary: PartnerMapSummary = { partners: 0, relationships: 0, contacts: 0 }
  const sittings = random.between(10, 14)
  const perSitting = Math.ceil(count / sittings)
  const owners = random.shuffle(people).slice(0, 3)
  const sessions: ScheduledSession[] = []

  const add = (context: SessionContext, mapId: ArtifactId): void => {
    const { doc, person, now } = context
    const id = addPartner(doc, mapId, partnerInput(random, directory.ids.length + 1), person.actor, now())
    if (!id) throw new Error('The partner map vanished while partners were being added')
    if (random.chance(0.75)) {
      addContact(doc, mapId, id, contactInput(random), person.actor, now())
      summary.contacts += 1
    }
    for (const side of ['offers', 'needs'] as const) {
      if (random.chance(0.25)) addResource(doc, mapId, id, side, { category: random.pick(RESOURCE_CATEGORIES), detail: random.pick(DETAILS) }, person.actor, now())
    }
    // Most partners are placed in relation to one already on the map.
    if (directory.ids.length > 0 && random.chance(0.8)) link(context, mapId, id, random.pick(directory.ids))
    directory.ids.push(id)
  }

  const link = (context: SessionContext, mapId: ArtifactId, from: PartnerId, to: PartnerId): void => {
    if (from === to) return
    addRelationship(context.doc, mapId, { from, to, type: random.pick(RELATIONSHIP_TYPES), strength: random.pick([1, 2, 3] as const) }, context.person.actor, context.now())
    summary.relationships += 1
  }

  for (let s = 0; s < sittings + 4; s++) {
    sessions.push({
      at: workingMoment(random, window.start, 10 + s * Math.floor((window.days - 20) / (sittings + 4))),
      person: random.pick(owners),
      run: (context) => {
        directory.mapId ??= createPartnerMap(context.doc, { title: 'Partners and stakeholders' }, context.person.actor, context.now())
        const mapId = directory.mapId
        for (let i = 0; i < perSitting && directory.ids.length < count; i++) {
          add(context, mapId)
          context.tick()
        }
        const edits = random.between(3, 12)
        for (let e = 0; e < edits && directory.ids.length > 1; e++) {
          const roll = random.next()
          const partner = random.pick(directory.ids)
          if (roll < 0.6) {
            const fresh = partnerInput(random, 0)
            updatePartner(context.doc, mapId, partner, random.chance(0.5) ? { status: fresh.status } : { role: fresh.role, notes: fresh.notes }, context.person.actor, context.now())
          } else if (roll < 0.85) link(context, mapId, partner, random.pick(directory.ids))
          else {
            addContact(context.doc, mapId, partner, contactInput(random), context.person.actor, context.now())
            summary.contacts += 1
          }
          context.tick()
        }
        summary.partners = directory.ids.length
      }
    })
  }
  return { sessions, summary }
}
