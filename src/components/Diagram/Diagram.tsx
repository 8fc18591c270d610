// The lab diagram: outside, host frame, bridges, veth cables, container cards and the packet glyph.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { nodeId } from '../../sim';
import { useAppStore } from '../../store/react';
import { useDiagramLayout, useHopView } from '../../hooks/useDiagramLayout';
import { usePick } from '../../hooks/usePick';
import { usePixelSize } from '../../hooks/usePixelSize';
import { useT } from '../../hooks/useT';
import { fitViewBox, useZoom } from '../../hooks/useZoom';
import { lodOf, PRESENT_PX, READ_PX, readableScale, type Obstacle } from '../../hooks/camera';
import { useReducedMotion } from '../../hooks/useReducedMotion';
import { useControlsBand } from '../../hooks/useControlsBand';
import { glyphSpot, labelBoxes } from '../../layout/labels';
import { afterFirstPaint } from '../Shell/idle';
import { PacketCallout } from './PacketCallout';
import { activeOf } from './active';
import { BridgeSwitch } from './BridgeSwitch';
import { Cable } from './Cable';
import { ContainerCard } from './ContainerCard';
import { HostFrame } from './HostFrame';
import { IfaceBadges } from './IfaceBadges';
import { Outside } from './Outside';
import { PacketGlyph } from './PacketGlyph';
import { ZoomControls } from './ZoomControls';
import { LessonFocus } from '../Lesson/LessonFocus';

/** The story of a container's network: not needed at start, fetched when the browser is idle. */
const loadStory = () => import('./CreationStory');
const CreationStory = lazy(() => loadStory().then((m) => ({ default: m.CreationStory })));

export function Diagram() {
  const world = useAppStore((s) => s.world);
  const layout = useDiagramLayout();
  const view = useHopView(layout);
  const labels = useMemo(() => labelBoxes(layout), [layout]);
  // The glyph sits beside its node, never on the node's label; the camera follows it.
  const spot = useMemo(() => (view ? glyphSpot(view.anchor.point, labels) : null), [view, labels]);
  const from = useMemo(
    () => (view?.previous ? glyphSpot(view.previous.point, labels) : null),
    [view, labels],
  );
  const focus = useMemo(() => (spot ? { at: spot, from } : null), [spot, from]);
  const presenting = useAppStore((s) => s.presenting);
  const inLesson = useAppStore((s) => s.lessonView !== 'closed');
  const reducedMotion = useReducedMotion();
  // The creation story's card: the camera refits beside or above it while it is open.
  const [story, setStory] = useState<Obstacle | null>(null);
  const onStory = useCallback(
    (o: Obstacle | null) =>
      setStory((was) => ((was && o && was.w === o.w && was.h === o.h) || was === o ? was : o)),
    [],
  );
  const {
    svgRef,
    view: z,
    mode,
    fitToScreen,
    zoomBy,
    setFollow,
  } = useZoom({
    width: layout.width,
    height: layout.height,
    focus,
    followScale: readableScale(presenting ? PRESENT_PX : READ_PX),
    reducedMotion,
    obstacle: story,
  });
  // Projecting or teaching a lesson, the camera follows the packet (the user can still turn it off).
  useEffect(() => {
    if (presenting || inLesson) setFollow(true);
  }, [presenting, inLesson, setFollow]);
  usePixelSize(svgRef);
  const section = useRef<HTMLElement | null>(null);
  // The controls' band: the SVG, and so every view of the camera, starts below it.
  const band = useControlsBand(section);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      const r = el.getBoundingClientRect();
      setSize({ width: r.width, height: r.height });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [svgRef]);
  const { picking, pick } = usePick();
  const hop = view?.entry.hop ?? null;
  const active = useMemo(() => activeOf(layout, hop), [layout, hop]);
  const launched = useAppStore((s) => s.launched);
  useEffect(() => afterFirstPaint(() => void loadStory()), []);
  const t = useT();
  return (
    <section
      ref={section}
      className={`diagram${picking ? ' picking' : ''}`}
      aria-label={t('diagram.label')}
      style={band === null ? undefined : { ['--band' as string]: `${band}px` }}
    >
      <svg
        ref={svgRef}
        className="diagram-svg"
        data-testid="diagram"
        data-lod={z ? lodOf(z.k) : 'far'}
        data-camera={mode}
        // No style attribute before the camera measures (the prerendered page's CSP allows none):
        // diagram.css gives --k its fitted default; React sets it through the CSSOM after.
        style={z ? { ['--k' as string]: z.k } : undefined}
        viewBox={z ? undefined : fitViewBox(layout.width, layout.height)}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
          </marker>
        </defs>
        <g transform={z ? `translate(${z.x},${z.y}) scale(${z.k})` : undefined}>
          <Outside
            layout={layout.outside}
            world={world}
            activeNode={active.node}
            pickable={picking !== null}
            onPick={pick}
          />
          <HostFrame
            layout={layout.host}
            host={world.host}
            activeStage={active.stage}
            pickable={picking !== null}
            onPick={pick}
          />
          <g className="cables">
            {layout.cables.map((c) => (
              <Cable
                key={c.id}
                cable={c}
                story={c.container === launched}
                active={
                  (active.node === 'host' && active.iface === c.hostVeth) ||
                  (active.node === nodeId.container(c.container) && active.iface === c.ifName)
                }
              />
            ))}
          </g>
          {layout.bridges.map((b) => (
            <BridgeSwitch
              key={b.device}
              layout={b}
              tap={layout.taps.find((t) => t.device === b.device)}
              switching={active.switching === b.device}
              local={active.local === b.device}
              activePort={active.node === 'host' ? active.iface : null}
            />
          ))}
          {layout.isolatedLabel && (
            <text
              className="group-label"
              data-tier="name"
              x={layout.isolatedLabel.x}
              y={layout.isolatedLabel.y}
            >
              {t('diagram.isolated')}
            </text>
          )}
          {layout.cards.map((card) => {
            const node = nodeId.container(card.model.container.name);
            return (
              // A card and its badges move together by this translate: a card that only moves keeps its
              // HTML, its layout and its text.
              <g key={card.model.container.id} transform={`translate(${card.box.x},${card.box.y})`}>
                <ContainerCard
                  card={card}
                  active={active.node === node}
                  pickable={picking !== null}
                  onPick={pick}
                />
                <IfaceBadges card={card} activeIface={active.node === node ? active.iface : null} />
              </g>
            );
          })}
          <LessonFocus layout={layout} />
          {view && spot && (
            <PacketGlyph
              at={spot}
              previous={from}
              dropped={view.entry.hop.event === 'drop'}
              reply={view.entry.packet.direction === 'reply'}
              nat={view.entry.hop.event === 'nat'}
            />
          )}
          {view && spot && z && size.width > 0 && (
            <PacketCallout
              view={view}
              at={spot}
              zoom={z}
              labels={labels}
              size={size}
              fontPx={presenting ? 22 : 15}
              // The creation story's card over the lower left: the words stay out from under it.
              avoid={story && { x: 0, y: size.height - story.h, w: story.w, h: story.h }}
              beforeShownElsewhere={presenting}
            />
          )}
        </g>
      </svg>
      <ZoomControls
        follow={mode === 'follow'}
        onFollow={setFollow}
        onFit={fitToScreen}
        onZoom={zoomBy}
      />
      {launched && (
        <Suspense fallback={null}>
          <CreationStory onSize={onStory} />
        </Suspense>
      )}
      {picking && (
        <p className="pick-hint" role="status">
          {t(picking === 'from' ? 'diagram.pickSource' : 'diagram.pickTarget')}
        </p>
      )}
    </section>
  );
}
