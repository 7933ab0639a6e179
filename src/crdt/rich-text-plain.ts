import * as Y from 'yjs'

/**
 * A rich-text body as plain text, one line per block, for search. Stops once `max`
 * characters are read, so a huge body costs no more than the cap.
 */
export const richTextPlain = (fragment: Y.XmlFragment, max: number): string => {
  const lines: string[] = []
  let length = 0
  const walk = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText): void => {
    if (length >= max) return
    if (node instanceof Y.XmlText) {
      // Y.Text's own toString is the plain text (XmlText's adds formatting tags), and skips the
      // per-run objects toDelta builds: a 15,000-word report reads several times faster.
      const line = Y.Text.prototype.toString.call(node)
      lines.push(line)
      length += line.length + 1
      return
    }
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText || child instanceof Y.XmlElement) walk(child)
      if (length >= max) return
    }
  }
  walk(fragment)
  return lines.join('\n').slice(0, max)
}
