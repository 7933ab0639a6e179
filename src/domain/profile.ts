import { z } from 'zod'
import { formProblemsEn as problem } from './i18n/areas/form-problems.en'
import { PROFILE_COLOURS } from './colours'

const colourValues = PROFILE_COLOURS.map((c) => c.value) as [string, ...string[]]

/** The local profile: who this person is on this device. Never leaves the device by itself. */
export const ProfileSchema = z.object({
  name: z.string().trim().min(1, problem['form.problem.yourName']).max(80, 'Use 80 characters or fewer'),
  organisation: z
    .string()
    .trim()
    .min(1, problem['form.problem.yourOrganisation'])
    .max(120, 'Use 120 characters or fewer'),
  colour: z.enum(colourValues, { message: problem['form.problem.colour'] })
})
export type Profile = z.infer<typeof ProfileSchema>
