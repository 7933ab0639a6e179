/**
 * The id of a page's own content when the page puts navigation of its own before it inside
 * <main> (the workspace's sidebar). "Skip to main content" goes here, past that navigation,
 * and to <main> on pages without it. The element needs tabindex="-1" to take focus.
 */
export const PAGE_CONTENT_ID = 'content'
