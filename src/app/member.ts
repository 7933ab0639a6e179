import type { Profile } from '../domain/profile'

/** The person using this device, as the workspace records them (their profile and member id). */
export type Member = Profile & { id: string }
