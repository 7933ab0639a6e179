import { parseListText } from './list-text'
import { z } from 'zod'

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-04-01')

/** One name in a list: a problem with it says which one, or the person cannot find it. */
const councilName = z
  .string()
  .trim()
  .min(1)
  .max(120, {
    error: (issue) => {
      const name = String(issue.input)
      return `Shorten “${name.slice(0, 40)}…” to 120 characters or fewer (it has ${name.length})`
    }
  })

/** What a person enters to set up a policy lab's workspace. */
export const WorkspaceDetailsSchema = z.object({
  name: z.string().trim().min(1, 'Give the lab a name').max(120, 'Use 120 characters or fewer'),
  description: z.string().trim().max(2000, 'Use 2,000 characters or fewer'),
  leadCouncil: z
    .string()
    .trim()
    .min(1, 'Name the lead council')
    .max(120, 'Use 120 characters or fewer'),
  partnerCouncils: z.array(councilName).max(60, 'List up to 60 partner councils'),
  startDate: IsoDate.or(z.literal(''))
})
export type WorkspaceDetails = z.infer<typeof WorkspaceDetailsSchema>

/** Splits a "one per line or comma separated" list of councils, dropping blanks and repeats. */
export const parseCouncilList = (text: string): string[] => parseListText(text)
