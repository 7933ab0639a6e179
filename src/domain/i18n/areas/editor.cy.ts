import type { editorEn } from './editor.en'

/** Awgrymiadau’r golygydd: the editor's own hints, in Welsh. */
export const editorCy: Readonly<Record<keyof typeof editorEn, string>> = {
  'editor.hint.empty': 'Dechreuwch ysgrifennu…',
  'editor.hint.line': 'Ysgrifennwch yma…'
}
