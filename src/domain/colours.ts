import { z } from 'zod'

/**
 * Profile colours: each has at least 4.5:1 contrast against white text and is distinct for
 * the common colour-vision deficiencies, so names on carets and avatars stay readable.
 */
export const PROFILE_COLOURS = [
  { value: '#1d4ed8', name: 'Blue' },
  { value: '#b91c1c', name: 'Red' },
  { value: '#047857', name: 'Green' },
  { value: '#7e22ce', name: 'Purple' },
  { value: '#b45309', name: 'Amber' },
  { value: '#0f766e', name: 'Teal' },
  { value: '#be185d', name: 'Pink' },
  { value: '#374151', name: 'Slate' }
] as const

export type ProfileColour = (typeof PROFILE_COLOURS)[number]['value']

export const isProfileColour = (value: string): value is ProfileColour =>
  PROFILE_COLOURS.some((c) => c.value === value)

/**
 * Slate: what a colour from a peer, a file or storage is shown as when it is not one of the
 * palette's. Such values end up in `style` attributes and CSS variables, where anything but a
 * known colour (`url(https://…)`, say) would make every viewer's browser fetch an outside address.
 */
export const FALLBACK_PROFILE_COLOUR: ProfileColour = '#374151'

export const safeProfileColour = (value: unknown): ProfileColour =>
  typeof value === 'string' && isProfileColour(value) ? value : FALLBACK_PROFILE_COLOUR

/** A profile colour read from shared data: never rejects the record, only the colour. */
export const SharedProfileColourSchema = z.unknown().transform(safeProfileColour)
