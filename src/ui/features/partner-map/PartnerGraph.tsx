import { For, Show, createEffect, createMemo, createSignal, createUniqueId, onCleanup, onMount, type JSX } from 'solid-js'
import { select } from 'd3-selection'
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom'
import {
  isDirected,
  type Partner,
  type PartnerId,
  type Relationship
} from '../../../domain/partner'
import { relationshipCounts } from '../../../domain/partner-view'
import { makeEdgePaths, strokeWidth } from './graph-edges'
import { boundsOf, makeGraphLayout } from './graph-layout'
import { legendFor, makeColouring, type ColourBy } from './graph-colours'
import { downloadGraph } from './graph-export'
import { GraphSummary } from './GraphSummary'
import { currentTranslator, t } from '../../i18n/t'
import { locale } from '../../i18n/current-locale'
import { partnerRoleLabel, partnerTypeLabel } from './partner-labels'

const VIEW = { width: 960, height: 600 } as const
/** Up to this many partners, every name is drawn; beyond it, names show when zoomed in. */
const ALWAYS_LABEL = 60
const FIRST_FRAME_BUDGET_MS = 80
const FRAME_BUDGET_MS = 12
/** Big graphs are redrawn at most this often while settling: drawing costs more than ticks. */
const REDRAW_EVERY_MS = 120

/**
 * The network graph: d3-force lays it out (in time slices), d3-zoom pans and zooms it, Solid
 * draws the SVG. The graph is one tab stop: arrow keys move between partners (by name),
 * Enter opens one, Tab moves on. Everything it shows is also in the table and in the summary
 * below it, in words.
 */
export const PartnerGraph = (props: {
  allPartners: readonly Partner[]
  allRelationships: readonly Relationship[]
  partners: readonly Partner[]
  relationships: readonly Relationship[]
  colourBy: ColourBy
  /** Controls the view puts in the graph's toolbar (the colour choice). */
  controls?: JSX.Element
  title: string
  onOpen: (id: PartnerId) => void
  /** Reports a failed export (e.g. a browser that cannot draw the PNG). */
  onProblem: (message: string) => void
}) => {
  const uid = createUniqueId()
  const layout = makeGraphLayout()
  const [frame, setFrame] = createSignal(0)
  const [ready, setReady] = createSignal(false)
  const [settled, setSettled] = createSignal(false)
  const [transform, setTransform] = createSignal<ZoomTransform>(zoomIdentity)
  const [active, setActive] = createSignal<string | null>(null)
  const [hovered, setHovered] = createSignal<string | null>(null)
  const [focused, setFocused] = createSignal(false)
  let svg: SVGSVGElement | undefined
  let behaviour: ZoomBehavior<SVGSVGElement, unknown> | undefined
  let userMoved = false
  let raf = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const nodeElements = new Map<string, SVGGElement>()
  const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches

  const stopLoop = (): void => {
    cancelAnimationFrame(raf)
    clearTimeout(timer)
  }
  onCleanup(() => {
    stopLoop()
    layout.destroy()
  })

  /** Steps the layout frame by frame; with reduced motion, in the background and drawn once. */
  const run = (): void => {
    stopLoop()
    setSettled(false)
    const finish = (): void => {
      setFrame((n) => n + 1)
      setSettled(true)
      if (!userMoved) fit()
    }
    if (reducedMotion) {
      const slice = (): void => {
        if (layout.step(12)) timer = setTimeout(slice, 0)
        else finish()
      }
      timer = setTimeout(slice, 0)
      return
    }
    let drawnAt = performance.now()
    const big = props.allPartners.length > ALWAYS_LABEL
    const tick = (): void => {
      const going = layout.step(FRAME_BUDGET_MS)
      if (!going) return finish()
      if (!big || performance.now() - drawnAt >= REDRAW_EVERY_MS) {
        setFrame((n) => n + 1)
        drawnAt = performance.now()
      }
      raf = requestAnimationFrame(tick)
    }
    raf = requestAnimationFrame(tick)
  }

  // The layout follows every partner and relationship (not only those a filter shows).
  createEffect(() => {
    const ids = props.allPartners.map((p) => p.id)
    const edges = props.allRelationships.map((r) => ({ from: r.from, to: r.to }))
    if (!layout.update(ids, edges)) return
    if (!ready()) {
      // A first picture that already has some shape, then the rest animates in.
      layout.step(FIRST_FRAME_BUDGET_MS)
      setFrame((n) => n + 1)
      setReady(true)
      queueMicrotask(() => fit())
    }
    run()
  })

  const position = (id: string) => {
    frame()
    return layout.position(id) ?? { x: 0, y: 0, radius: 7 }
  }

  const colouring = createMemo(() => makeColouring(props.colourBy, props.allPartners))
  const counts = createMemo(() => relationshipCounts(props.relationships))
  const shownIds = createMemo(() => new Set<string>(props.partners.map((p) => p.id)))
  const focusId = createMemo(() => {
    const current = active()
    return current && shownIds().has(current) ? current : (props.partners[0]?.id ?? null)
  })
  const showAllLabels = () => props.partners.length <= ALWAYS_LABEL || transform().k >= 1.6

  const fit = (): void => {
    if (!svg || !behaviour) return
    const bounds = boundsOf(props.partners.map((p) => position(p.id)))
    if (!bounds) return
    const width = bounds.maxX - bounds.minX + 120
    const height = bounds.maxY - bounds.minY + 80
    const k = Math.max(0.2, Math.min(VIEW.width / width, VIEW.height / height, 1.6))
    const target = zoomIdentity
      .translate(VIEW.width / 2, VIEW.height / 2)
      .scale(k)
      .translate(-(bounds.minX + bounds.maxX) / 2, -(bounds.minY + bounds.maxY) / 2)
    select(svg).call(behaviour.transform, target)
  }

  const zoomBy = (factor: number): void => {
    if (!svg || !behaviour) return
    userMoved = true
    select(svg).call(behaviour.scaleBy, factor)
  }

  // How many screen pixels one unit of the view box takes: the view box is 960 wide, the graph
  // usually narrower on screen, and names are sized in screen pixels, not view box units.
  const [screenScale, setScreenScale] = createSignal(1)
  onMount(() => {
    if (!svg || typeof ResizeObserver === 'undefined') return
    const element = svg
    const measure = (): void => {
      // The view box is fitted whole ("meet"): the tighter of the two directions sets the scale.
      const { width, height } = element.getBoundingClientRect()
      const scale = Math.min(width / VIEW.width, height / VIEW.height)
      if (scale > 0) setScreenScale(scale)
    }
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    measure()
    onCleanup(() => observer.disconnect())
  })
  /** A length in screen pixels, in the graph's units at the current zoom. */
  const onScreen = (px: number): number => px / (transform().k * screenScale())

  onMount(() => {
    if (!svg) return
    behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.2, 6])
      // The wheel scrolls the page unless Ctrl (or a trackpad pinch) asks to zoom.
      .filter((event: Event & { ctrlKey?: boolean; metaKey?: boolean; button?: number; type: string }) =>
        event.type === 'wheel' ? Boolean(event.ctrlKey || event.metaKey) : !event.ctrlKey && !event.button
      )
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        if (event.sourceEvent) userMoved = true
        setTransform(event.transform)
      })
    select(svg).call(behaviour).on('dblclick.zoom', null)
  })

  /** Keeps the focused partner on screen: pans to it if it is outside the view. */
  const reveal = (id: string): void => {
    if (!svg || !behaviour) return
    const p = position(id)
    const t = transform()
    const [sx, sy] = t.apply([p.x, p.y])
    if (sx < 40 || sx > VIEW.width - 40 || sy < 40 || sy > VIEW.height - 40) select(svg).call(behaviour.translateTo, p.x, p.y)
  }

  const moveFocus = (event: KeyboardEvent, id: string): void => {
    const list = props.partners
    const index = list.findIndex((p) => p.id === id)
    let next: number | null = null
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = (index + 1) % list.length
        break
      case 'ArrowLeft':
      case 'ArrowUp':
        next = (index - 1 + list.length) % list.length
        break
      case 'Home':
        next = 0
        break
      case 'End':
        next = list.length - 1
        break
      case 'Enter':
      case ' ':
        event.preventDefault()
        props.onOpen(id as PartnerId)
        return
      default:
        return
    }
    event.preventDefault()
    const target = list[next]
    if (!target) return
    setActive(target.id)
    reveal(target.id)
    nodeElements.get(target.id)?.focus()
  }

  /** Exports what is shown, laid out to the end (the picture on screen may still be moving). */
  const exportAs = async (format: 'svg' | 'png'): Promise<void> => {
    layout.settle()
    setFrame((n) => n + 1)
    try {
      await downloadGraph(
        {
          title: props.title,
          partners: props.partners,
          relationships: props.relationships,
          position,
          colouring: colouring(),
          colourBy: props.colourBy
        },
        format,
        { tr: currentTranslator(), locale: locale() }
      )
    } catch (error) {
      props.onProblem(error instanceof Error ? error.message : String(error))
    }
  }

  const highlighted = () => hovered() ?? (focused() ? active() : null)
  /** The shown relationships as a few paths, redrawn when positions or the filter change. */
  const edgesOf = (list: readonly Relationship[]) =>
    makeEdgePaths(
      list.map((r) => ({ from: position(r.from), to: position(r.to), width: strokeWidth(r.strength), directed: isDirected(r.type) }))
    )
  const edgePaths = createMemo(() => edgesOf(props.relationships))
  const highlightPaths = createMemo(() => {
    const id = highlighted()
    return edgesOf(id ? props.relationships.filter((r) => r.from === id || r.to === id) : [])
  })

  const describe = (p: Partner): string => {
    const n = counts().get(p.id) ?? 0
    return t('partners.graph.node', {
      name: p.name,
      type: partnerTypeLabel(p.type),
      region: p.region ? `, ${p.region}` : '',
      role: partnerRoleLabel(p.role).toLowerCase(),
      count: n
    })
  }

  return (
    <figure class="partner-graph" data-graph-ready={ready() ? 'true' : undefined} data-graph-settled={settled() ? 'true' : undefined}>
      <div class="graph-toolbar">
        {props.controls}
        <div class="actions" role="group" aria-label={t('partners.graph.view')}>
        <button type="button" class="button small" onClick={() => zoomBy(1.4)}>
          {t('partners.graph.zoomIn')}
        </button>
        <button type="button" class="button small" onClick={() => zoomBy(1 / 1.4)}>
          {t('partners.graph.zoomOut')}
        </button>
        <button
          type="button"
          class="button small"
          onClick={() => {
            userMoved = false
            fit()
          }}
        >
          {t('partners.graph.fit')}
        </button>
        <button type="button" class="button small" onClick={() => void exportAs('svg')}>
          {t('partners.graph.svg')}
        </button>
        <button type="button" class="button small" onClick={() => void exportAs('png')}>
          {t('partners.graph.png')}
        </button>
        </div>
      </div>
      <p class="hint graph-hint" id={`${uid}-keys`}>
        {t('partners.graph.keys')}
      </p>
      <svg
        ref={svg}
        class="graph-canvas"
        viewBox={`0 0 ${VIEW.width} ${VIEW.height}`}
        role="group"
        aria-label={t('partners.graphHeading')}
        aria-describedby={`${uid}-summary ${uid}-keys`}
      >
        <rect class="graph-backdrop" width={VIEW.width} height={VIEW.height} />
        <g transform={transform().toString()}>
          <g class="graph-edges" aria-hidden="true">
            <For each={edgePaths().lines}>{(line) => <path class="graph-edge" d={line.d} stroke-width={line.width} />}</For>
            <path class="graph-arrows" d={edgePaths().arrows} />
            <For each={highlightPaths().lines}>{(line) => <path class="graph-edge highlighted" d={line.d} stroke-width={line.width + 1} />}</For>
            <path class="graph-arrows highlighted" d={highlightPaths().arrows} />
          </g>
          <g class="graph-nodes">
            <For each={props.allPartners}>
              {(p) => {
                const at = createMemo(() => position(p.id))
                const visible = () => shownIds().has(p.id)
                return (
                  <g
                    display={visible() ? undefined : 'none'}
                    ref={(el) => {
                      nodeElements.set(p.id, el)
                      onCleanup(() => nodeElements.delete(p.id))
                    }}
                    class="graph-node"
                    data-partner-id={p.id}
                    transform={`translate(${at().x.toFixed(1)} ${at().y.toFixed(1)})`}
                    role="button"
                    tabindex={focusId() === p.id ? 0 : -1}
                    aria-label={describe(p)}
                    onClick={() => {
                      setActive(p.id)
                      props.onOpen(p.id)
                    }}
                    onKeyDown={(event) => moveFocus(event, p.id)}
                    onFocus={() => {
                      setActive(p.id)
                      setFocused(true)
                    }}
                    onBlur={() => setFocused(false)}
                    onMouseEnter={() => setHovered(p.id)}
                    onMouseLeave={() => setHovered(null)}
                  >
                    <circle r={at().radius} fill={colouring().colourOf(p)} />
                    <Show when={visible() && (showAllLabels() || hovered() === p.id || (focused() && active() === p.id))}>
                      <text
                        class="graph-label"
                        y={at().radius + onScreen(15)}
                        // Names keep one readable size on screen (13 px) whatever the zoom or the graph's width.
                        style={{ 'font-size': `${onScreen(13)}px`, 'stroke-width': `${onScreen(3)}px` }}
                        text-anchor="middle"
                        aria-hidden="true"
                      >
                        {p.name}
                      </text>
                    </Show>
                  </g>
                )
              }}
            </For>
          </g>
        </g>
      </svg>
      <figcaption>
        <GraphSummary
          id={`${uid}-summary`}
          partners={props.partners}
          relationships={props.relationships}
          counts={counts()}
          legend={legendFor(colouring(), props.partners)}
          colourBy={props.colourBy}
          settled={settled()}
        />
      </figcaption>
    </figure>
  )
}
