/**
 * Who is here now (the workspace's presence list) and the frame around an opened item (its
 * History link and loading lines): words shown on every screen of a workspace.
 */
export const presenceEn = {
  'presence.title': 'Here now',
  'presence.onlyYou': 'Only you',
  'presence.viewing': 'Viewing {places}',
  'presence.and': ' and ',
  'presence.theOverview': 'the overview',
  'presence.notOnDevice': 'an item not on this device yet',
  'presence.inBin': 'an item in the bin',
  'artifact.notFound.title': 'Item not found',
  'artifact.notFound.body': 'This workspace has no item at this address. It may not have reached this device yet.',
  'artifact.unknownKind.title': 'Not available yet',
  'artifact.unknownKind.body': 'This kind of item cannot be opened in this version of Mutual.',
  'artifact.history': 'History',
  'artifact.openingHistory': 'Opening history…',
  'artifact.opening': 'Opening…'
}
