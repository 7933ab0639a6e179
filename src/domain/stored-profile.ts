import { z } from 'zod'
import { ProfileSchema } from './profile'

/** The profile as kept on this device: the person's own fields plus a stable member id. */
export const StoredProfileSchema = ProfileSchema.extend({
  id: z.string().regex(/^[0-9a-f]{32}$/)
})
export type StoredProfile = z.infer<typeof StoredProfileSchema>
