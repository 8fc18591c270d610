// The start of a new container told as the article tells it: pair created, one end on the bridge,
// the other moved into the namespace and renamed eth0, then the address. CSS plays it once.
import { useEffect } from 'react';
import type { DiagramLayout } from '../../layout/diagram';
import { useT } from '../../hooks/useT';
import { useUi } from '../../hooks/useUi';

const STORY_MS = 9000;

export function VethStory(props: { layout: DiagramLayout }) {
  const launched = useUi((s) => s.launched);
  const setLaunched = useUi((s) => s.setLaunched);
  const t = useT();
  useEffect(() => {
    if (!launched) return;
    const id = window.setTimeout(() => setLaunched(null), STORY_MS);
    return () => window.clearTimeout(id);
  }, [launched, setLaunched]);
  if (!launched) return null;
  const card = props.layout.cards.find((c) => c.model.container.name === launched);
  const cable = props.layout.cables.find((c) => c.container === launched);
  const ep = card?.model.container.endpoints[0];
  if (!card || !cable || !ep) return null;
  const x = card.box.x + card.box.w + 16;
  const steps = [
    `ip link add ${ep.hostVeth} type veth peer name …`,
    t('story.joins', { veth: ep.hostVeth, bridge: cable.bridge }),
    t('story.moves', { name: launched, ifName: ep.ifName }),
    t('story.address', { ifName: ep.ifName, cidr: `${ep.ip}/${ep.prefix}`, gateway: ep.gateway }),
  ];
  return (
    <foreignObject x={x} y={card.box.y - 10} width={300} height={170} className="story-fo">
      <ol className="veth-story" data-testid="veth-story" aria-live="polite">
        {steps.map((s, i) => (
          <li key={i} style={{ animationDelay: `${i * 0.8}s` }}>
            {s}
          </li>
        ))}
      </ol>
    </foreignObject>
  );
}
