import type { formsEn } from './forms.en'

/** Words every form field shares, in Welsh. */
export const formsCy: Readonly<Record<keyof typeof formsEn, string>> = {
  'form.errorPrefix': 'Gwall:',
  'form.problemTitle': 'Mae problem',
  'form.showPassphrase': 'Dangos y cyfrinymadrodd'
}
