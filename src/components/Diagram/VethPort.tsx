// One veth port on a bridge: its marker and its name, the host end of a veth pair.
import { memo } from 'react';
import type { PortLayout } from '../../layout/bridges';
import { sameBox } from '../../layout/geometry';

/**
 * Placed by its group's translate: when one more container spreads the ports out, only that
 * transform changes, and the browser moves the label instead of laying its text out again
 * (51 upright labels: ~5 ms of style and layout, against ~1 ms for 51 transforms).
 */
export const VethPort = memo(
  function VethPort(props: { port: PortLayout; compact: boolean; active: boolean }) {
    const { box, endpoint } = props.port;
    return (
      <g
        transform={`translate(${box.x},${box.y})`}
        className={`chip chip-veth${props.active ? ' active' : ''}${props.compact ? ' compact' : ''}`}
        data-testid={`port-${endpoint.hostVeth}`}
      >
        <PortMark name={endpoint.hostVeth} w={box.w} h={box.h} compact={props.compact} />
      </g>
    );
  },
  (a, b) =>
    a.port.endpoint.hostVeth === b.port.endpoint.hostVeth &&
    sameBox(a.port.box, b.port.box) &&
    a.compact === b.compact &&
    a.active === b.active,
);

/** The marker and the name in the port's own coordinates: unchanged when the port only moves. */
const PortMark = memo(function PortMark(props: {
  name: string;
  w: number;
  h: number;
  compact: boolean;
}) {
  const cx = props.w / 2;
  return (
    <>
      <rect width={props.w} height={props.h} rx={props.compact ? 3 : 6} />
      {props.compact ? (
        // Many ports: the name stands upright above its marker so every port keeps its label.
        <text
          className="upright"
          data-tier="addr"
          x={cx + 4}
          y={-6}
          transform={`rotate(-90 ${cx + 4} -6)`}
        >
          {props.name}
        </text>
      ) : (
        <text data-tier="addr" x={cx} y={18}>
          {props.name}
        </text>
      )}
    </>
  );
});
