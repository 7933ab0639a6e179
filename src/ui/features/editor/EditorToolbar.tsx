import type { Editor } from '@tiptap/core'
import { For, Show, createEffect, onCleanup, onMount, type JSX } from 'solid-js'
import { ICONS } from './icons'
import { undoRedoAvailable } from '../../../editor/toolbar-state'
import type { MessageKey, MessageValues } from '../../../domain/i18n/catalogue'
import { t } from '../../i18n/t'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const MOD = isMac ? 'Meta' : 'Control'
const MOD_LABEL = isMac ? '⌘' : 'Ctrl'

interface ToolbarItem {
  id: string
  label: MessageKey
  labelValues?: MessageValues
  /** As aria-keyshortcuts writes it, with MOD for Ctrl or ⌘. */
  keys?: string
  content: () => JSX.Element
  pressed?: (editor: Editor) => boolean
  enabled?: (editor: Editor) => boolean
  opensDialog?: boolean
  run: (editor: Editor) => void
}

const readable = (keys: string): string =>
  keys.replace('MOD', MOD_LABEL).replace('Alt', isMac ? '⌥' : 'Alt').replace('Shift', isMac ? '⇧' : 'Shift').replace(/\+/g, isMac ? '' : '+')

/**
 * A short glyph ("B", "H2") drawn by CSS: the button's name is its full label ("Bold",
 * "Heading 2"), and a glyph in the DOM text would not match that name.
 */
const glyph = (value: string, className?: string) => () => (
  <span class={`toolbar-text ${className ?? ''}`} aria-hidden="true" data-glyph={value} />
)

/** A button whose visible text is its name. */
const words = (key: MessageKey) => () => <span class="toolbar-caption">{t(key)}</span>

const mark = (id: 'bold' | 'italic' | 'underline' | 'strike', label: MessageKey, keys: string, symbol: string): ToolbarItem => ({
  id,
  label,
  keys,
  content: glyph(symbol, `toolbar-${id}`),
  pressed: (e) => e.isActive(id),
  run: (e) => {
    const chain = e.chain().focus()
    if (id === 'bold') chain.toggleBold().run()
    else if (id === 'italic') chain.toggleItalic().run()
    else if (id === 'underline') chain.toggleUnderline().run()
    else chain.toggleStrike().run()
  }
})

const heading = (level: 1 | 2 | 3): ToolbarItem => ({
  id: `heading-${level}`,
  label: 'toolbar.heading',
  labelValues: { level },
  keys: `MOD+Alt+${level}`,
  content: glyph(`H${level}`),
  pressed: (e) => e.isActive('heading', { level }),
  run: (e) => e.chain().focus().toggleHeading({ level }).run()
})

/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar
 * pattern), toggles say whether they are on with aria-pressed, and every button names its
 * keyboard shortcut. Escape goes back to the text; Alt+F10 in the text comes to it, keeping
 * the selection (the one way in from a table, where Tab and Shift+Tab move between cells).
 */
export const EditorToolbar = (props: {
  editor: Editor
  /** Changes whenever the editor's state does, so pressed states stay current. */
  tick: () => number
  onLink: () => void
  onComment: () => void
  /** Given on a report when the workspace has a lab plan: cite one of its outcomes. */
  onCite?: () => void
  label: string
}) => {
  let toolbar: HTMLDivElement | undefined
  const groups: ToolbarItem[][] = [
    [
      {
        id: 'undo',
        label: 'toolbar.undo',
        keys: 'MOD+Z',
        content: ICONS.undo,
        enabled: (e) => undoRedoAvailable(e.state).undo,
        run: (e) => e.chain().focus().undo().run()
      },
      {
        id: 'redo',
        label: 'toolbar.redo',
        keys: 'MOD+Shift+Z',
        content: ICONS.redo,
        enabled: (e) => undoRedoAvailable(e.state).redo,
        run: (e) => e.chain().focus().redo().run()
      }
    ],
    [heading(1), heading(2), heading(3)],
    [
      mark('bold', 'toolbar.bold', 'MOD+B', 'B'),
      mark('italic', 'toolbar.italic', 'MOD+I', 'I'),
      mark('underline', 'toolbar.underline', 'MOD+U', 'U'),
      mark('strike', 'toolbar.strike', 'MOD+Shift+S', 'S')
    ],
    [
      {
        id: 'link',
        label: 'toolbar.link',
        keys: 'MOD+K',
        content: ICONS.link,
        opensDialog: true,
        pressed: (e) => e.isActive('link'),
        run: () => props.onLink()
      },
      {
        id: 'bullet-list',
        label: 'toolbar.bulletList',
        keys: 'MOD+Shift+8',
        content: ICONS.bulletList,
        pressed: (e) => e.isActive('bulletList'),
        run: (e) => e.chain().focus().toggleBulletList().run()
      },
      {
        id: 'ordered-list',
        label: 'toolbar.orderedList',
        keys: 'MOD+Shift+7',
        content: ICONS.orderedList,
        pressed: (e) => e.isActive('orderedList'),
        run: (e) => e.chain().focus().toggleOrderedList().run()
      },
      {
        id: 'quote',
        label: 'toolbar.quote',
        keys: 'MOD+Shift+B',
        content: ICONS.quote,
        pressed: (e) => e.isActive('blockquote'),
        run: (e) => e.chain().focus().toggleBlockquote().run()
      }
    ],
    [
      {
        id: 'table',
        label: 'toolbar.table',
        content: ICONS.table,
        enabled: (e) => !e.isActive('table'),
        run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()
      },
      {
        id: 'rule',
        label: 'toolbar.rule',
        content: ICONS.rule,
        run: (e) => e.chain().focus().setHorizontalRule().run()
      }
    ],
    [
      {
        id: 'comment',
        label: 'toolbar.comment',
        keys: 'MOD+Alt+M',
        content: () => (
          <>
            {ICONS.comment()}
            <span class="toolbar-caption" aria-hidden="true">
              {t('toolbar.comment')}
            </span>
          </>
        ),
        opensDialog: true,
        enabled: (e) => !e.state.selection.empty,
        run: () => props.onComment()
      }
    ]
  ]

  const tableTools: ToolbarItem[] = [
    { id: 'row-after', label: 'toolbar.addRow', content: words('toolbar.addRow'), run: (e) => e.chain().focus().addRowAfter().run() },
    { id: 'column-after', label: 'toolbar.addColumn', content: words('toolbar.addColumn'), run: (e) => e.chain().focus().addColumnAfter().run() },
    { id: 'delete-row', label: 'toolbar.deleteRow', content: words('toolbar.deleteRow'), run: (e) => e.chain().focus().deleteRow().run() },
    { id: 'delete-column', label: 'toolbar.deleteColumn', content: words('toolbar.deleteColumn'), run: (e) => e.chain().focus().deleteColumn().run() },
    { id: 'delete-table', label: 'toolbar.deleteTable', content: words('toolbar.deleteTable'), run: (e) => e.chain().focus().deleteTable().run() }
  ]
  const commentGroup = groups.pop() as ToolbarItem[]
  const cite = props.onCite
  if (cite) {
    groups.push([
      { id: 'cite-outcome', label: 'toolbar.citeLong', content: words('toolbar.cite'), opensDialog: true, run: () => cite() }
    ])
  }
  const inTable = (): boolean => (props.tick(), props.editor.isActive('table'))

  const buttons = (): HTMLButtonElement[] => [...(toolbar?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
  const moveFocus = (to: HTMLButtonElement | undefined): void => {
    if (!to) return
    for (const b of buttons()) b.tabIndex = b === to ? 0 : -1
    to.focus()
  }
  const onKeyDown = (event: KeyboardEvent): void => {
    const all = buttons()
    const index = all.indexOf(document.activeElement as HTMLButtonElement)
    if (index < 0) return
    const moves: Record<string, () => HTMLButtonElement | undefined> = {
      ArrowRight: () => all[(index + 1) % all.length],
      ArrowLeft: () => all[(index - 1 + all.length) % all.length],
      Home: () => all[0],
      End: () => all[all.length - 1]
    }
    if (event.key in moves) {
      event.preventDefault()
      moveFocus(moves[event.key]!())
    } else if (event.key === 'Escape') {
      event.preventDefault()
      // At once, not on the next frame as the focus command does: keyboard users expect it.
      props.editor.view.focus()
    }
  }
  // Exactly one button is in the tab order: the last one used, else the first.
  const ensureTabStop = (): void => {
    const all = buttons()
    if (all.length > 0 && !all.some((b) => b.tabIndex === 0)) all[0]!.tabIndex = 0
  }
  onMount(ensureTabStop)
  createEffect(() => {
    inTable()
    queueMicrotask(ensureTabStop)
  })
  const onFocusIn = (event: FocusEvent): void => {
    const target = event.target
    if (target instanceof HTMLButtonElement) for (const b of buttons()) b.tabIndex = b === target ? 0 : -1
  }
  // Alt+F10 (as in other editors) from the text to the toolbar's tab stop. In a table, Tab and
  // Shift+Tab move between cells, so without it "Delete row" and the other table tools could
  // not be reached from the keyboard for any row but the first.
  const toToolbar = (event: KeyboardEvent): void => {
    if (event.key !== 'F10' || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    event.preventDefault()
    ensureTabStop()
    buttons()
      .find((b) => b.tabIndex === 0)
      ?.focus()
  }
  createEffect(() => {
    const text = props.editor.view.dom
    text.addEventListener('keydown', toToolbar)
    text.setAttribute('aria-keyshortcuts', 'Alt+F10')
    onCleanup(() => {
      text.removeEventListener('keydown', toToolbar)
      text.removeAttribute('aria-keyshortcuts')
    })
  })

  return (
    <div
      ref={toolbar}
      class="editor-toolbar"
      role="toolbar"
      aria-label={props.label}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusIn}
    >
      <For each={groups}>
        {(group, index) => (
          <>
            <Show when={index() > 0}>
              <Separator />
            </Show>
            <ToolbarGroup items={group} editor={props.editor} tick={props.tick} />
          </>
        )}
      </For>
      <Show when={inTable()}>
        <Separator />
        <ToolbarGroup items={tableTools} editor={props.editor} tick={props.tick} />
      </Show>
      <Separator />
      <ToolbarGroup items={commentGroup} editor={props.editor} tick={props.tick} />
      <Show when={inTable()}>
        <span class="toolbar-hint">{t('toolbar.tableKeys')}</span>
      </Show>
    </div>
  )
}

const Separator = () => <span class="toolbar-separator" role="separator" aria-orientation="vertical" />

const ToolbarGroup = (props: { items: ToolbarItem[]; editor: Editor; tick: () => number }) => (
  <For each={props.items}>
    {(item) => {
      const enabled = () => (props.tick(), item.enabled ? item.enabled(props.editor) : true)
      const pressed = () => (props.tick(), item.pressed ? item.pressed(props.editor) : undefined)
      const label = () => t(item.label, item.labelValues)
      return (
        <button
          type="button"
          class="toolbar-button"
          data-toolbar-item={item.id}
          tabIndex={-1}
          aria-label={label()}
          aria-pressed={pressed() === undefined ? undefined : pressed() ? 'true' : 'false'}
          aria-disabled={enabled() ? undefined : 'true'}
          aria-haspopup={item.opensDialog ? 'dialog' : undefined}
          aria-keyshortcuts={item.keys?.replace('MOD', MOD)}
          title={item.keys ? `${label()} (${readable(item.keys)})` : label()}
          // Keep the text's selection when the button is pressed with a mouse.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (enabled()) item.run(props.editor)
          }}
        >
          {item.content()}
        </button>
      )
    }}
  </For>
)
