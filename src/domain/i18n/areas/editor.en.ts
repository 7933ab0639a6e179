/** Hints the text editor draws itself, in English (Welsh: editor.cy.ts; editor/placeholder.ts). */
export const editorEn = {
  'editor.hint.empty': 'Start writing…',
  'editor.hint.line': 'Write here…'
} as const
