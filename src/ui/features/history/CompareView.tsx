import { For, Match, Show, Switch, createMemo } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { sameChange, type Change, type CompareBlock, type CompareSegment } from '../../../crdt/compare-fragments'
import { nestedHeadingLevels } from '../../../domain/nested-heading-levels'
import { t } from '../../i18n/t'
import { CONTENT_LANG } from '../../i18n/content-lang'
import { interfaceLang } from '../../i18n/interface-lang'

export interface PersonLook {
  name: string
  colour: string
}

const BLOCK_TAGS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  table: 'table',
  tableRow: 'tr',
  tableCell: 'td',
  tableHeader: 'th',
  codeBlock: 'pre'
}

const MARK_TAGS: Record<string, string> = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code' }

/**
 * Blocks whose change is shown on the blocks inside them instead: a row's or a list's own
 * element can hold no words, so its cells or items say who added or removed them.
 */
const PASSES_CHANGE_DOWN = new Set(['tableRow', 'bulletList', 'orderedList'])

/** Whether a block holds text that changed (each such run names who changed it). */
const hasChangedText = (block: CompareBlock): boolean => block.segments.some((segment) => segment.change) || block.children.some(hasChangedText)

/** The heading blocks among these, nested ones included, in reading order. */
const headingsIn = (blocks: readonly CompareBlock[]): CompareBlock[] =>
  blocks.flatMap((block) => [...(block.type === 'heading' ? [block] : []), ...headingsIn(block.children)])

/**
 * Rich text as it was at a version, or the difference between two versions: additions are
 * <ins>, removals <del>, each tinted with the author's colour and naming them for screen readers.
 * Its headings follow on from the heading it is shown under (`underHeading`: 2 for an <h2>).
 */
export const CompareView = (props: {
  blocks: CompareBlock[]
  people: (memberId: string | null) => PersonLook
  label: string
  underHeading: number
}) => {
  const headingLevels = createMemo(() => {
    const headings = headingsIn(props.blocks)
    const levels = nestedHeadingLevels(
      headings.map((h) => Number(h.attributes.level ?? 1)),
      props.underHeading
    )
    return new Map(headings.map((h, i) => [h, levels[i]]))
  })
  const label = (change: Change): string =>
    t(change.kind === 'added' ? 'history.compare.addedBy' : 'history.compare.removedBy', { name: props.people(change.memberId).name })

  const Segment = (segmentProps: { segment: CompareSegment }) => {
    const wrapped = () =>
      segmentProps.segment.marks.reduceRight<unknown>(
        (inner, mark) => (MARK_TAGS[mark] ? <Dynamic component={MARK_TAGS[mark] as string}>{inner as string}</Dynamic> : inner),
        segmentProps.segment.text
      ) as string
    return (
      <Show when={segmentProps.segment.change} fallback={wrapped()}>
        {(change) => (
          <Dynamic
            component={change().kind === 'added' ? 'ins' : 'del'}
            class={`change change-${change().kind}`}
            style={{ '--author': props.people(change().memberId).colour }}
            // The hover text is Mutual's words: the element takes the interface's language so
            // the title does too, and the person's words inside keep theirs (none given).
            title={label(change())}
            lang={interfaceLang()}
          >
            <span {...CONTENT_LANG}>{wrapped()}</span>
            <span class="visually-hidden">
              {' '}
              ({label(change())})
            </span>
          </Dynamic>
        )}
      </Show>
    )
  }

  /**
   * One block. `covered` is the change an enclosing block already shows: a table added since is
   * marked once (its edge, and its caption for screen readers), not again in every row, cell and
   * empty paragraph inside it, which drew a stray bar in each empty cell.
   */
  const Block = (blockProps: { block: CompareBlock; covered: Change | null }) => {
    const block = () => blockProps.block
    const shown = (): Change | null => {
      const change = block().change
      return change && !sameChange(change, blockProps.covered) ? change : null
    }
    const coveredInside = (): Change | null => (shown() && !PASSES_CHANGE_DOWN.has(block().type) ? shown() : blockProps.covered)
    const tag = () =>
      block().type === 'heading' ? `h${headingLevels().get(block()) ?? props.underHeading + 1}` : BLOCK_TAGS[block().type] ?? 'div'
    return (
      <Switch
        fallback={
          <Dynamic
            component={tag()}
            classList={{ [`block-${shown()?.kind}`]: Boolean(shown()) }}
            style={shown() ? { '--author': props.people(shown()?.memberId ?? null).colour } : undefined}
          >
            <Show when={block().type === 'table' && shown()}>
              {(change) => (
                <caption class="visually-hidden" lang={interfaceLang()}>
                  ({label(change())})
                </caption>
              )}
            </Show>
            <For each={block().segments}>{(segment) => <Segment segment={segment} />}</For>
            <For each={block().children}>{(child) => <Block block={child} covered={coveredInside()} />}</For>
            <Show when={shown() && block().type !== 'table' && !PASSES_CHANGE_DOWN.has(block().type) && !hasChangedText(block())}>
              <span class="visually-hidden" lang={interfaceLang()}>
                {' '}
                ({label(shown() as Change)})
              </span>
            </Show>
          </Dynamic>
        }
      >
        <Match when={block().type === 'horizontalRule'}>
          <hr />
        </Match>
        <Match when={block().type === 'attachment'}>
          <AttachmentLine block={block()} />
        </Match>
      </Switch>
    )
  }

  /**
   * A photo (by its alt text) or an attached file (by its name), so a version shows what it
   * held, and a photo added or removed since reads as a change. It was left out: an empty box.
   */
  const AttachmentLine = (lineProps: { block: CompareBlock }) => {
    const attributes = () => lineProps.block.attributes
    const change = () => lineProps.block.change
    const written = () => String((attributes().kind === 'image' ? attributes().alt : attributes().name) ?? '').trim()
    return (
      <p
        class="compare-attachment"
        lang={interfaceLang()}
        classList={{ [`block-${change()?.kind}`]: Boolean(change()) }}
        style={change() ? { '--author': props.people(change()?.memberId ?? null).colour } : undefined}
      >
        <Dynamic
          component={change() ? (change()?.kind === 'added' ? 'ins' : 'del') : 'span'}
          class={change() ? `change change-${change()?.kind}` : undefined}
          title={change() ? label(change() as Change) : undefined}
        >
          <Show when={written()} fallback={t(attributes().kind === 'image' ? 'attachments.photoAltMissing' : 'attachments.unreadable')}>
            {t(attributes().kind === 'image' ? 'history.photo' : 'history.file')}: <span {...CONTENT_LANG}>{written()}</span>
          </Show>
          <Show when={change()}>{(made) => <span class="visually-hidden"> ({label(made())})</span>}</Show>
        </Dynamic>
      </p>
    )
  }

  return (
    // Long texts scroll inside it: it takes focus so the keyboard can scroll it too.
    <div class="compare-view" role="region" tabindex="0" aria-label={props.label}>
      <Show when={props.blocks.length > 0} fallback={<p class="muted">{t('history.noText')}</p>}>
        {/* What people wrote, in their language (content-lang.ts); Mutual's words inside take the interface's. */}
        <div class="compare-content" {...CONTENT_LANG}>
          <For each={props.blocks}>{(block) => <Block block={block} covered={null} />}</For>
        </div>
      </Show>
    </div>
  )
}
