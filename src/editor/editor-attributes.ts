/** The writing area's attributes; a stand-in drawn before the editor exists uses the same. */
export const editorAttributes = (label: string, readOnly: boolean): Record<string, string> => ({
  class: 'document-editor',
  role: 'textbox',
  'aria-multiline': 'true',
  'aria-label': label,
  ...(readOnly ? { 'aria-readonly': 'true' } : {})
})
