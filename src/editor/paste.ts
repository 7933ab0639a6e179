import { safeHref } from './safe-url'

/**
 * Cleans HTML pasted from Word, Google Docs or a web page before the editor reads it: keeps
 * its structure (headings, lists, tables, links, emphasis) and drops anything that could run
 * code or call out: scripts, frames, forms, event handlers, unsafe links and every image
 * (a remote image would fetch from its host the moment it was shown).
 *
 * It parses with DOMParser, whose documents never run scripts or load images, and returns
 * HTML for the editor's own parser, which keeps only what the document schema knows.
 */

const DROP = [
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'option', 'img', 'picture',
  'source', 'video', 'audio', 'track', 'canvas', 'svg', 'math', 'map', 'area', 'portal', 'dialog'
].join(',')

const URL_ATTRIBUTES = ['src', 'srcset', 'action', 'formaction', 'poster', 'background', 'lowsrc', 'dynsrc', 'xlink:href', 'ping', 'srcdoc', 'data']

const removeComments = (root: Node): void => {
  const doc = root.ownerDocument ?? (root as Document)
  const walker = doc.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  for (const comment of comments) comment.parentNode?.removeChild(comment)
}

const scrubAttributes = (element: Element): void => {
  for (const attribute of [...element.attributes]) {
    const name = attribute.name.toLowerCase()
    if (name.startsWith('on') || URL_ATTRIBUTES.includes(name)) element.removeAttribute(attribute.name)
  }
  if (element.localName === 'a') {
    const href = safeHref(element.getAttribute('href'))
    if (href) element.setAttribute('href', href)
    else element.removeAttribute('href')
    element.removeAttribute('target')
  }
}

/** Word marks list paragraphs with `mso-list:l0 level2 lfo1` instead of using <ul>/<ol>. */
const wordListLevel = (element: Element): number | null => {
  if (element.localName !== 'p') return null
  const style = element.getAttribute('style') ?? ''
  const match = /mso-list:\s*l\d+\s+level(\d+)/i.exec(style)
  if (match) return Number(match[1])
  return /MsoListParagraph/i.test(element.getAttribute('class') ?? '') ? 1 : null
}

const ORDERED_MARKER = /^\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]/i

/** Takes the bullet or number Word writes as text (in a mso-list:Ignore span) out of the paragraph. */
const takeWordMarker = (paragraph: Element): string => {
  let marker = ''
  for (const span of [...paragraph.querySelectorAll('span')]) {
    if (/mso-list:\s*ignore/i.test(span.getAttribute('style') ?? '')) {
      marker += span.textContent ?? ''
      span.remove()
    }
  }
  if (!marker) {
    // Without the Ignore span the marker is the paragraph's first characters.
    const text = paragraph.textContent ?? ''
    const match = /^\s*([·•o§▪–-]|\(?[0-9a-z]+[.)])\s+/i.exec(text)
    if (match) {
      marker = match[1] ?? ''
      const first = paragraph.firstChild
      if (first && first.nodeType === 3) first.textContent = (first.textContent ?? '').slice(match[0].length)
    }
  }
  return marker.replace(/\u00a0/g, ' ').trim()
}

const convertWordLists = (body: HTMLElement): void => {
  const doc = body.ownerDocument
  const paragraphs = [...body.querySelectorAll('p')].filter((p) => wordListLevel(p) !== null)
  let stack: { level: number; list: HTMLElement }[] = []
  let previous: Element | null = null
  for (const paragraph of paragraphs) {
    const level = wordListLevel(paragraph) as number
    const ordered = ORDERED_MARKER.test(takeWordMarker(paragraph))
    // A paragraph that does not directly follow the previous list item starts a new list.
    if (!previous || paragraph.previousElementSibling !== previous) stack = []
    while (stack.length > 0 && stack[stack.length - 1]!.level > level) stack.pop()
    let top = stack[stack.length - 1]
    if (!top || top.level < level) {
      const list = doc.createElement(ordered ? 'ol' : 'ul')
      if (top) {
        const lastItem = top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li'))
        lastItem.appendChild(list)
      } else {
        paragraph.before(list)
      }
      top = { level, list }
      stack.push(top)
    }
    const item = doc.createElement('li')
    const content = doc.createElement('p')
    content.innerHTML = paragraph.innerHTML
    item.appendChild(content)
    top.list.appendChild(item)
    const placeholder = doc.createElement('span')
    paragraph.replaceWith(placeholder)
    previous = placeholder
    // Keep the placeholder as the "previous sibling" marker until the run ends.
    placeholder.setAttribute('data-word-list', '')
  }
  for (const marker of [...body.querySelectorAll('span[data-word-list]')]) marker.remove()
}

/** Word wraps text in <o:p> and similar Office tags; keep their text, lose the tags. */
const unwrapOfficeTags = (body: HTMLElement): void => {
  for (const element of [...body.getElementsByTagName('*')]) {
    if (element.localName.includes(':')) element.replaceWith(...element.childNodes)
  }
}

export const cleanPastedHtml = (html: string, parser: DOMParser = new DOMParser()): string => {
  const doc = parser.parseFromString(html, 'text/html')
  const body = doc.body
  removeComments(doc)
  for (const element of [...body.querySelectorAll(DROP)]) element.remove()
  unwrapOfficeTags(body)
  for (const element of [...body.getElementsByTagName('*')]) scrubAttributes(element)
  convertWordLists(body)
  return body.innerHTML
}
