// One veth pair as one cable: the host end on the bridge, the container end named eth0 inside.
import { memo } from 'react';
import { useT } from '../../hooks/useT';
import type { CableLayout } from '../../layout/bridges';

export const Cable = memo(function Cable(props: { cable: CableLayout; active: boolean; story: boolean }) {
  const { cable } = props;
  const t = useT();
  const cls = `cable${props.active ? ' active' : ''}${props.story ? ' story' : ''}`;
  return (
    <g className={cls} data-testid={`cable-${cable.container}-${cable.ifName}`} data-veth={cable.hostVeth}>
      <path className="cable-casing" d={cable.d} />
      <path className="cable-core" d={cable.d} pathLength={1} />
      <title>{t('diagram.cable', { hostVeth: cable.hostVeth, bridge: cable.bridge, ifName: cable.ifName, container: cable.container })}</title>
    </g>
  );
});
