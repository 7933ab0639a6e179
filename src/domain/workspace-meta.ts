import { parseListText } from './list-text'
import { z } from 'zod'
import { formProblemsEn as problem } from './i18n/areas/form-problems.en'
import { fillKnown } from './i18n/known-text'

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, problem['form.problem.date'])

/** One name in a list: a problem with it says which one, or the person cannot find it. */
const councilName = z
  .string()
  .trim()
  .min(1)
  .max(120, {
    error: (issue) => {
      const name = String(issue.input)
      return fillKnown('form.problem.councilTooLong', { name: name.slice(0, 40), max: 120, length: name.length })
    }
  })

/** What a person enters to set up a policy lab's workspace. */
export const WorkspaceDetailsSchema = z.object({
  name: z.string().trim().min(1, problem['form.problem.labName']).max(120, 'Use 120 characters or fewer'),
  description: z.string().trim().max(2000, 'Use 2,000 characters or fewer'),
  leadCouncil: z
    .string()
    .trim()
    .min(1, problem['form.problem.leadCouncil'])
    .max(120, 'Use 120 characters or fewer'),
  partnerCouncils: z.array(councilName).max(60, fillKnown('form.problem.partnerCouncils', { max: 60 })),
  startDate: IsoDate.or(z.literal(''))
})
export type WorkspaceDetails = z.infer<typeof WorkspaceDetailsSchema>

/** Splits a "one per line or comma separated" list of councils, dropping blanks and repeats. */
export const parseCouncilList = (text: string): string[] => parseListText(text)
