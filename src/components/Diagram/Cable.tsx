// One veth pair as one cable: the host end on the bridge, the container end named eth0 inside.
import { memo } from 'react';
import type { CableLayout } from '../../layout/bridges';

export const Cable = memo(function Cable(props: { cable: CableLayout; active: boolean; story: boolean }) {
  const { cable } = props;
  const cls = `cable${props.active ? ' active' : ''}${props.story ? ' story' : ''}`;
  return (
    <g className={cls} data-testid={`cable-${cable.container}-${cable.ifName}`} data-veth={cable.hostVeth}>
      <path className="cable-casing" d={cable.d} />
      <path className="cable-core" d={cable.d} pathLength={1} />
      <title>{`veth pair: ${cable.hostVeth} (on ${cable.bridge}) ⟷ ${cable.ifName} (in ${cable.container})`}</title>
    </g>
  );
});
