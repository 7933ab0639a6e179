/**
 * The English catalogue: the source of every message key (see catalogue.ts) and of the
 * arguments each message takes. ICU MessageFormat: {name} for a value, {count, plural, …} for
 * counts ('' quotes a literal brace). The Welsh catalogue (messages-cy.ts) has the same keys and
 * arguments; a unit test checks it. British English, plain and calm.
 */
export const en = {
  // The shell: header, skip link, first run, page not found
  'shell.skipLink': 'Skip to main content',
  'shell.yourProfile': 'Your profile:',
  'shell.noSaving.title': 'Nothing will be saved on this device',
  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not lead anywhere in Mutual.',
  'notFound.home': 'Go to your workspaces',
  'startup.failed': 'Mutual could not start: {reason}',
  // Profile and first run
  'profile.title.check': 'Check your profile',
  'profile.title.welcome': 'Welcome to Mutual',
  'profile.title.yours': 'Your profile',
  'profile.intro': 'Mutual keeps your policy lab’s notes, reports and maps on your own devices and shares them directly with the people you invite. First, tell your colleagues who you are.',
  'profile.invited.title': 'You have been invited to a workspace',
  'profile.invited.body': 'Set up your profile first; you can join the workspace straight after.',
  'profile.unreadable.title': 'Your saved profile could not be read',
  'profile.unreadable.filledIn': '{reason} The details that could be read are filled in below.',
  'profile.unreadable.next': 'Check them, fill in the rest and save. Your workspaces on this device are not affected.',
  'profile.saved': 'Profile saved',
  'profile.backHome': 'Back to your workspaces',
  'profile.saveAndContinue': 'Save and continue',
  'profile.save': 'Save profile',
  'profile.saveFailed': 'Your profile could not be saved: {reason}',
  'profile.name.label': 'Your name',
  'profile.name.hint': 'Shown to the people you work with, next to what you write.',
  'profile.organisation.label': 'Council or organisation',
  'profile.organisation.hint': 'Start typing to pick a CCIN member, or write any organisation.',
  'profile.colour.legend': 'Your colour',
  'profile.colour.hint': 'Marks your name and your cursor for others.',
  'profile.staysHere': 'Your profile stays on this device. It is shared only with the workspaces you take part in.',
  'common.saving': 'Saving…',
  'colour.Blue': 'Blue',
  'colour.Red': 'Red',
  'colour.Green': 'Green',
  'colour.Purple': 'Purple',
  'colour.Amber': 'Amber',
  'colour.Teal': 'Teal',
  'colour.Pink': 'Pink',
  'colour.Slate': 'Slate',
} as const
