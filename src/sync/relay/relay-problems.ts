import { syncEn } from '../../domain/i18n/areas/sync.en'

/**
 * What a person reads about the relay when something is wrong. The words are the English
 * catalogue's, so the interface shows them in the chosen language (translateKnown).
 */
export const RELAY_PROBLEMS = {
  altered: syncEn['sync.relayProblem.altered'],
  newerVersion: syncEn['sync.relayProblem.newerVersion'],
  unavailable: syncEn['sync.relayProblem.unavailable'],
  full: syncEn['sync.relayProblem.full']
} as const
