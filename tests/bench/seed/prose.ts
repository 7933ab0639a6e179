import type { Random } from './random'

/**
 * Plausible action-research prose for policy labs: sentences from templates and word pools,
 * so that generated text compresses and tokenises like real notes rather than like noise.
 */

const PLACES = [
  'the food hub on Market Street', 'the community centre in Failsworth', 'the library in Holts',
  'the family hub', 'the tenants’ hall', 'the youth club on Ashton Road', 'the leisure centre',
  'the GP surgery in Shaw', 'the mosque community room', 'the credit union office', 'the school gates',
  'the housing office', 'the covered market', 'the allotments', 'the church hall in Royton',
  'the job centre', 'the warm space at St Mark’s', 'the co-operative café', 'the bus station', 'the park café'
]

const GROUPS = [
  'residents', 'young carers', 'tenants', 'volunteers', 'frontline officers', 'ward councillors',
  'small traders', 'parents', 'older residents', 'community organisers', 'care workers',
  'housing officers', 'the youth panel', 'local employers', 'refugee families', 'health visitors',
  'social prescribers', 'the residents’ association', 'street champions', 'faith leaders'
]

const THEMES = [
  'community wealth building', 'co-produced services', 'participatory budgeting', 'food insecurity',
  'fuel poverty', 'the cost of living', 'social value in procurement', 'community energy',
  'affordable housing', 'digital inclusion', 'youth voice', 'health inequalities', 'local democracy',
  'loneliness', 'asset-based working', 'neighbourhood governance', 'anchor institutions',
  'community ownership', 'the early help offer', 'employment support', 'climate adaptation'
]

const FINDINGS = [
  'trust has to be earned before anyone will share what is really happening',
  'people want to be asked earlier, not consulted once the decision is made',
  'the forms are the barrier more than the service itself',
  'the same families are being asked the same questions by four different teams',
  'small grants go further when residents decide where they go',
  'volunteers are tired and need more than thanks',
  'the evening sessions reached people the daytime ones never did',
  'local suppliers did not know the council buys what they sell',
  'most people heard about the scheme from a neighbour, not from us',
  'the data we hold does not match what people told us',
  'childcare is the hidden cost that stops people taking part',
  'people trust the library staff more than any other service',
  'the bus timetable shapes who can come more than the venue does',
  'a named contact matters more than a better website',
  'young people want paid roles, not another survey',
  'language support has to be there from the first conversation',
  'the waiting list hides people who have given up asking',
  'shared meals did more for the group than any workshop'
]

const ACTIVITIES = [
  'ran a listening session', 'held a co-design workshop', 'walked the estate with', 'sat in on a drop-in with',
  'interviewed', 'ran a photo-voice exercise with', 'held a story circle with', 'met', 'shadowed',
  'hosted a kitchen-table conversation with', 'ran a mapping exercise with', 'tested the prototype with'
]

const ADJECTIVES = [
  'useful', 'difficult', 'honest', 'unexpected', 'encouraging', 'frustrating', 'lively', 'quiet',
  'practical', 'emotional', 'productive', 'tense', 'warm', 'generous', 'challenging'
]

const NEXT_STEPS = [
  'share the notes back with everyone who took part', 'check the figures with the finance team',
  'invite the group to the next lab session', 'draft a short briefing for members',
  'test the idea with a second neighbourhood', 'ask legal whether the grant route works',
  'book the room for the follow-up', 'write up the case study for the report',
  'map who else is already doing this', 'agree a budget line with the partners',
  'follow up with the two residents who offered to help', 'bring the evidence to the steering group'
]

const NUMBERS = ['two', 'three', 'four', 'five', 'six', 'eight', 'a dozen', 'fifteen', 'twenty', 'about thirty', 'forty']

const TEMPLATES: readonly ((r: Random) => string)[] = [
  (r) => `We ${r.pick(ACTIVITIES)} ${r.pick(GROUPS)} at ${r.pick(PLACES)}.`,
  (r) => `The session was ${r.pick(ADJECTIVES)} and ${r.pick(ADJECTIVES)} in equal measure.`,
  (r) => `What stood out was that ${r.pick(FINDINGS)}.`,
  (r) => `Several ${r.pick(GROUPS)} said that ${r.pick(FINDINGS)}.`,
  (r) => `${cap(r.pick(NUMBERS))} people came, more than we expected for a weekday afternoon.`,
  (r) => `This links back to our question about ${r.pick(THEMES)} and how the council can support it.`,
  (r) => `One resident told us plainly that ${r.pick(FINDINGS)}, and others nodded along.`,
  (r) => `We should ${r.pick(NEXT_STEPS)} before the next cycle.`,
  (r) => `Next time we will ${r.pick(NEXT_STEPS)} and ${r.pick(NEXT_STEPS)}.`,
  (r) => `Our working assumption about ${r.pick(THEMES)} did not survive the conversation.`,
  (r) => `It was ${r.pick(ADJECTIVES)} to hear how ${r.pick(GROUPS)} experience ${r.pick(THEMES)} day to day.`,
  (r) => `The officers from the partner councils compared notes on ${r.pick(THEMES)} over lunch.`,
  (r) => `I noticed that ${r.pick(GROUPS)} and ${r.pick(GROUPS)} rarely meet, even though they use the same spaces.`,
  (r) => `A quote worth keeping: “${cap(r.pick(FINDINGS))}.”`,
  (r) => `There is a tension here between moving quickly and doing this properly with ${r.pick(GROUPS)}.`,
  (r) => `The evidence so far suggests that ${r.pick(FINDINGS)}, although the sample is small.`,
  (r) => `In the reflection afterwards the team agreed the session had been ${r.pick(ADJECTIVES)}.`,
  (r) => `We still do not know enough about ${r.pick(THEMES)} in this ward to make a recommendation.`,
  (r) => `The staff at ${r.pick(PLACES)} have offered the space again for free.`,
  (r) => `If we are serious about ${r.pick(THEMES)} we have to change how we commission, not just what.`,
  (r) => `This cycle of the inquiry tested whether ${r.pick(GROUPS)} would take part in ${r.pick(THEMES)}.`,
  (r) => `Compared with the last visit, the mood was ${r.pick(ADJECTIVES)}, partly because of the weather.`,
  (r) => `Action: ${r.pick(NEXT_STEPS)}.`,
  (r) => `We asked what would make the biggest difference, and most answers came back to ${r.pick(THEMES)}.`
]

const NOTE_HEADINGS = [
  'Context', 'Who we met', 'What we heard', 'What we noticed', 'Reflections', 'Surprises', 'Questions',
  'Evidence', 'Tensions', 'Next steps', 'Actions', 'Follow-up', 'Quotes', 'What we tried', 'What changed'
]

const NOTE_TITLE_KINDS = [
  'Site visit', 'Listening session', 'Interview notes', 'Workshop notes', 'Reflection', 'Walkabout',
  'Steering group notes', 'Co-design session', 'Drop-in notes', 'Learning review'
]

const REPORT_SECTIONS = [
  'Summary', 'Why this lab', 'How we worked', 'What residents told us', 'What the data shows',
  'Findings', 'Case studies', 'What partner councils tried', 'Barriers', 'What worked',
  'Recommendations', 'Costs and benefits', 'Risks', 'Next steps for the network', 'Method', 'Acknowledgements'
]

export const PLACE_NAMES = PLACES.map((p) => p.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase()))

export const PARTICIPANTS = [
  'Asha Patel', 'Tom Hughes', 'Grace Okafor', 'Rhys Morgan', 'Hannah Clarke', 'Imran Khan', 'Sophie Nowak',
  'a ward councillor', 'two residents', 'the food hub manager', 'the youth worker', 'a housing officer',
  'the credit union manager', 'three volunteers', 'the head teacher', 'a GP practice manager'
]

export const TAGS = [
  'site visit', 'interview', 'workshop', 'housing', 'youth', 'food', 'energy', 'procurement',
  'health', 'evidence', 'follow-up', 'quotes', 'steering group', 'co-design'
]

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

export const countWords = (text: string): number => {
  const trimmed = text.trim()
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length
}

export const sentence = (r: Random): string => r.pick(TEMPLATES)(r)

/** A paragraph of roughly `words` words, made of whole sentences. */
export const paragraph = (r: Random, words: number): string => {
  const parts: string[] = []
  let count = 0
  while (count < words) {
    const s = sentence(r)
    parts.push(s)
    count += countWords(s)
  }
  return parts.join(' ')
}

/** A short phrase to insert into existing text when someone goes back to revise it. */
export const insertion = (r: Random): string =>
  r.pick([
    `especially for ${r.pick(GROUPS)}`, `at ${r.pick(PLACES)}`, `(see the notes on ${r.pick(THEMES)})`,
    'in our experience', 'at least for now', `according to ${r.pick(GROUPS)}`, 'we think',
    `which ${r.pick(GROUPS)} raised twice`, 'as agreed at the steering group', 'more than once'
  ])

export const noteHeading = (r: Random): string => r.pick(NOTE_HEADINGS)
export const reportSection = (r: Random, index: number): string =>
  REPORT_SECTIONS[index] ?? `${r.pick(REPORT_SECTIONS)} (${index - REPORT_SECTIONS.length + 2})`
export const reportSubheading = (r: Random): string => cap(r.pick(THEMES))
export const noteTitle = (r: Random, n: number): string =>
  `${r.pick(NOTE_TITLE_KINDS)}: ${cap(r.pick(THEMES))} (${n})`
export const bulletItem = (r: Random): string => cap(r.pick([...NEXT_STEPS, ...FINDINGS]))

/** A typo a person might make in `word`: two letters swapped or one doubled. */
export const typo = (r: Random, word: string): string => {
  if (word.length < 3) return word + word.charAt(word.length - 1)
  const i = r.int(word.length - 1)
  return r.chance(0.5)
    ? word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2)
    : word.slice(0, i + 1) + word.charAt(i) + word.slice(i + 1)
}
