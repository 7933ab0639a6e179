/** Words every form field shares, in English (Welsh: forms.cy.ts). */
export const formsEn = {
  /** Read out before a field's error by screen readers; hidden on screen. */
  'form.errorPrefix': 'Error:',
  /** The heading of the summary at the top of a form that was refused. */
  'form.problemTitle': 'There is a problem',
  /** The toggle beside a passphrase field that shows what was typed. */
  'form.showPassphrase': 'Show passphrase'
} as const
