/**
 * Transaction origins. Storage and sync providers tell their own writes apart by origin, and
 * undo managers track only `LOCAL_EDIT`, so every mutation names where it comes from.
 */
export const LOCAL_EDIT = 'mutual:local-edit'
export const MIGRATION = 'mutual:migration'
export const IMPORT = 'mutual:import'
/** Bookkeeping of who has opened a workspace: saved and synced, but not an edit by anyone. */
export const MEMBERSHIP = 'mutual:membership'
export type MutationOrigin = typeof LOCAL_EDIT | typeof MIGRATION | typeof IMPORT | typeof MEMBERSHIP
/**
 * Changes received through the relay (sync/relay/). Not this device's own edits: the relay
 * transport never sends them back, and the peer transports pass them on like any remote change.
 */
export const RELAY = 'mutual:relay'
