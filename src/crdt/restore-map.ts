import * as Y from 'yjs'
import { restoreXmlChildren } from './restore-xml'

/**
 * Makes a live Yjs type read like an old copy of it, writing only what differs, so a restore
 * is an ordinary change that merges with concurrent edits elsewhere in the doc. Call inside a
 * transaction on the live doc.
 */
export const restoreMapFrom = (current: Y.Map<unknown>, old: Y.Map<unknown>): void => {
  for (const key of [...current.keys()]) if (!old.has(key)) current.delete(key)
  old.forEach((oldValue, key) => {
    const value = current.get(key)
    if (oldValue instanceof Y.AbstractType) {
      if (sameKind(value, oldValue)) {
        if (oldValue instanceof Y.Map) restoreMapFrom(value as Y.Map<unknown>, oldValue)
        else if (!sameContent(value as Y.AbstractType<any>, oldValue)) copyTypeContent(value as Y.AbstractType<any>, oldValue)
      } else {
        const fresh = emptyLike(oldValue)
        current.set(key, fresh)
        copyTypeContent(fresh, oldValue)
      }
    } else if (!samePlain(value, oldValue)) {
      current.set(key, oldValue)
    }
  })
}

/** Replaces a type's whole content with (copies of) an old type's content. */
export const copyTypeContent = (target: Y.AbstractType<any>, source: Y.AbstractType<any>): void => {
  if (target instanceof Y.Map && source instanceof Y.Map) {
    for (const key of [...target.keys()]) target.delete(key)
    source.forEach((value, key) => target.set(key, cloneValue(value)))
  } else if (target instanceof Y.Text && source instanceof Y.Text) {
    target.delete(0, target.length)
    target.applyDelta(source.toDelta())
  } else if (target instanceof Y.XmlFragment && source instanceof Y.XmlFragment) {
    // Y.XmlElement is a subclass of Y.XmlFragment. Restoring a body changes only the blocks and
    // characters that differ, so comments on what stays as it was stay attached.
    restoreXmlChildren(target, source)
  } else if (target instanceof Y.Array && source instanceof Y.Array) {
    target.delete(0, target.length)
    target.insert(0, source.toArray().map(cloneValue))
  }
}

const cloneValue = (value: unknown): unknown => {
  if (value instanceof Y.Map || value instanceof Y.Array || value instanceof Y.Text || value instanceof Y.XmlFragment) {
    return (value as { clone(): unknown }).clone()
  }
  return value
}

const emptyLike = (type: Y.AbstractType<any>): Y.AbstractType<any> => {
  if (type instanceof Y.Map) return new Y.Map()
  if (type instanceof Y.Text) return new Y.Text()
  if (type instanceof Y.XmlElement) return new Y.XmlElement(type.nodeName)
  if (type instanceof Y.XmlFragment) return new Y.XmlFragment()
  return new Y.Array()
}

const sameKind = (value: unknown, old: Y.AbstractType<any>): boolean =>
  value instanceof Y.AbstractType && value.constructor === old.constructor

/** Text compares by delta so formatting counts; everything else by its JSON (XML as markup). */
const sameContent = (a: Y.AbstractType<any>, b: Y.AbstractType<any>): boolean =>
  a instanceof Y.Text && b instanceof Y.Text
    ? JSON.stringify(a.toDelta()) === JSON.stringify(b.toDelta())
    : JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON())

const samePlain = (a: unknown, b: unknown): boolean => {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i])
  return JSON.stringify(a) === JSON.stringify(b)
}
