export const MAX_TITLE_LENGTH = 200

/** What is wrong with a title someone typed for a note, report or other item (nothing: []). */
export const titleProblems = (title: string, kind: string): string[] => {
  const name = title.trim()
  if (!name) return [`Give the ${kind} a title`]
  if (name.length > MAX_TITLE_LENGTH) return [`Use ${MAX_TITLE_LENGTH} characters or fewer for the title`]
  return []
}
