// The flow presets: the article's four flows and a ping, taken from the shared scenarios.
import { findScenario } from '../../scenarios';
import type { Flow } from '../../sim';

export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly flow: Flow;
}

function fromScenario(
  id: string,
  index: number,
  label: string,
  hint: string,
  patch: Partial<Flow> = {},
): Preset[] {
  const flow = findScenario(id)?.flows[index];
  return flow ? [{ id, label, hint, flow: { ...flow, ...patch } }] : [];
}

export const PRESETS: readonly Preset[] = [
  ...fromScenario(
    'container-to-container',
    0,
    'c2 → c1',
    'container to container, switched by docker0',
  ),
  ...fromScenario(
    'host-to-container',
    1,
    'host → c1',
    'host and container, through docker0 and the veth pair',
  ),
  ...fromScenario(
    'outside-to-published-port',
    0,
    'client → :8080',
    'outside to a published port: DNAT',
  ),
  ...fromScenario(
    'container-to-internet',
    0,
    'c1 → internet',
    'container to 198.51.100.7:80: MASQUERADE',
  ),
  ...fromScenario('container-ping-internet', 0, 'ping', 'c1 pings 198.51.100.7', { count: 1 }),
];

export const findPreset = (id: string): Preset | undefined => PRESETS.find((p) => p.id === id);
