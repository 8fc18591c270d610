// One veth pair as one cable: the host end on the bridge, the container end named eth0 inside.
import { memo } from 'react';
import { useT } from '../../hooks/useT';
import type { CableLayout } from '../../layout/bridges';

export const Cable = memo(
  function Cable(props: { cable: CableLayout; active: boolean; story: boolean }) {
    const { cable } = props;
    const cls = `cable${props.active ? ' active' : ''}${props.story ? ' story' : ''}`;
    return (
      <g
        className={cls}
        data-testid={`cable-${cable.container}-${cable.ifName}`}
        data-veth={cable.hostVeth}
      >
        <path className="cable-casing" d={cable.d} />
        <path className="cable-core" d={cable.d} pathLength={1} />
        <CableTitle
          hostVeth={cable.hostVeth}
          bridge={cable.bridge}
          ifName={cable.ifName}
          container={cable.container}
        />
      </g>
    );
  },
  // A new layout makes new cable objects; a cable whose route and ends are the same is left alone.
  (a, b) =>
    a.active === b.active &&
    a.story === b.story &&
    (a.cable === b.cable ||
      (a.cable.d === b.cable.d &&
        a.cable.hostVeth === b.cable.hostVeth &&
        a.cable.bridge === b.cable.bridge &&
        a.cable.ifName === b.cable.ifName &&
        a.cable.container === b.cable.container)),
);

/** The tooltip naming both ends: re-rendered only when a name or the language changes, not the route. */
const CableTitle = memo(function CableTitle(props: {
  hostVeth: string;
  bridge: string;
  ifName: string;
  container: string;
}) {
  const t = useT();
  return <title>{t('diagram.cable', props)}</title>;
});
