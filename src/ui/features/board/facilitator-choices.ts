/** Someone as the co-facilitator picker names them. */
export interface Described {
  id: string
  name: string
  organisation: string
}

/** One option of "Add a co-facilitator". */
export interface FacilitatorChoice {
  id: string
  /** The name alone, for saying what was done ("… is now a facilitator"). */
  name: string
  /** The name and organisation, as the option reads. */
  label: string
}

/**
 * Who "Add a co-facilitator" offers: the members the membership log lets facilitate
 * (`mayFacilitate`), less the board's facilitators. Member records name them; a record is
 * written by each person's own device once they are in, so a member who has just joined may
 * have none here yet, and is named by their presence (they may be on the board right now), or
 * as a member not seen yet. A record alone never makes someone a choice: past authors and
 * removed members keep theirs. With no log to go by (`null`: a workspace from before signed
 * membership), the records are all there is, as before.
 */
export const facilitatorChoices = (input: {
  mayFacilitate: readonly string[] | null
  records: readonly Described[]
  present: readonly (Omit<Described, 'id'> & { memberId: string })[]
  facilitators: readonly string[]
  unnamed: string
}): FacilitatorChoice[] => {
  const records = new Map(input.records.map((r) => [r.id, r]))
  const present = new Map(input.present.map((p) => [p.memberId, p]))
  const ids = input.mayFacilitate ?? input.records.map((r) => r.id)
  return ids
    .filter((id) => !input.facilitators.includes(id))
    .map((id) => {
      const known = records.get(id) ?? present.get(id)
      return known ? { id, name: known.name, label: `${known.name} (${known.organisation})` } : { id, name: input.unnamed, label: input.unnamed }
    })
    .sort((a, b) => Number(a.label === input.unnamed) - Number(b.label === input.unnamed) || a.label.localeCompare(b.label))
}
