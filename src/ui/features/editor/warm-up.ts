/**
 * Builds and throws away one editor while the workspace is idle (src/editor/warm-up-editor.ts).
 * Loaded on demand, so the editor's code stays out of the workspace's first load.
 */
export const warmUpEditor = async (): Promise<void> => {
  const { warmUpEditor: warm } = await import('../../../editor/warm-up-editor')
  warm()
}
