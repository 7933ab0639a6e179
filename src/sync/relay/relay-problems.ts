/** What a person reads about the relay when something is wrong (British English, calm). */
export const RELAY_PROBLEMS = {
  altered:
    'The relay sent a change that was altered or damaged on the way, so this device did not apply it. Your work is safe, and other changes are still received.',
  newerVersion: 'This relay uses a newer version of Mutual. Update this device to use this relay; your changes are saved here meanwhile.',
  unavailable: 'The relay cannot store changes just now. Your changes are saved on this device and are sent when it can.',
  full: 'The relay is full and cannot store more changes. Your changes are saved on this device; ask whoever runs the relay to make room.'
} as const
