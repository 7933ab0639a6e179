import { z } from 'zod'
import { PROFILE_COLOURS } from './colours'

const colourValues = PROFILE_COLOURS.map((c) => c.value) as [string, ...string[]]

/** The local profile: who this person is on this device. Never leaves the device by itself. */
export const ProfileSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(80, 'Use 80 characters or fewer'),
  organisation: z
    .string()
    .trim()
    .min(1, 'Enter your council or organisation')
    .max(120, 'Use 120 characters or fewer'),
  colour: z.enum(colourValues, { message: 'Choose a colour' })
})
export type Profile = z.infer<typeof ProfileSchema>
