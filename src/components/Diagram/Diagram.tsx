// The lab diagram: outside, host frame, bridges, veth cables, container cards and the packet glyph.
import { useMemo } from 'react';
import { nodeId } from '../../sim';
import { useAppStore } from '../../store/react';
import { useDiagramLayout, useHopView } from '../../hooks/useDiagramLayout';
import { usePick } from '../../hooks/usePick';
import { usePixelSize } from '../../hooks/usePixelSize';
import { useT } from '../../hooks/useT';
import { useUi } from '../../hooks/useUi';
import { fitViewBox, useZoom } from '../../hooks/useZoom';
import { activeOf } from './active';
import { BridgeSwitch } from './BridgeSwitch';
import { Cable } from './Cable';
import { ContainerCard } from './ContainerCard';
import { CreationStory } from './CreationStory';
import { HostFrame } from './HostFrame';
import { IfaceBadges } from './IfaceBadges';
import { Outside } from './Outside';
import { PacketGlyph } from './PacketGlyph';
import { ZoomControls } from './ZoomControls';
import { LessonFocus } from '../Lesson/LessonFocus';

export function Diagram() {
  const world = useAppStore((s) => s.world);
  const layout = useDiagramLayout();
  const view = useHopView(layout);
  const { svgRef, view: z, fitToScreen, zoomBy } = useZoom(layout.width, layout.height);
  usePixelSize(svgRef);
  const { picking, pick } = usePick();
  const hop = view?.entry.hop ?? null;
  const active = useMemo(() => activeOf(layout, hop), [layout, hop]);
  const launched = useUi((s) => s.launched);
  const t = useT();
  return (
    <section className={`diagram${picking ? ' picking' : ''}`} aria-label={t('diagram.label')}>
      <svg
        ref={svgRef}
        className="diagram-svg"
        data-testid="diagram"
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
            <text className="group-label" x={layout.isolatedLabel.x} y={layout.isolatedLabel.y}>
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
          {view && <PacketGlyph view={view} />}
        </g>
      </svg>
      <ZoomControls onFit={fitToScreen} onZoom={zoomBy} />
      <CreationStory />
      {picking && (
        <p className="pick-hint" role="status">
          {t(picking === 'from' ? 'diagram.pickSource' : 'diagram.pickTarget')}
        </p>
      )}
    </section>
  );
}
