// iproute2's `-c` (lib/color.c, default palette on a dark background): interface names cyan, MACs
// yellow, IPv4 addresses magenta, IPv6 blue, operstate UP green, DOWN red; each span ends in
// `ESC[0m`. What a span covers (a name with its `: `, a broadcast with its space) is iproute2's.

export interface Paint {
  readonly ifname: (s: string) => string;
  readonly mac: (s: string) => string;
  readonly inet: (s: string) => string;
  readonly inet6: (s: string) => string;
  readonly state: (s: string) => string;
}

const span = (code: number) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const plain = (s: string) => s;

export const NO_PAINT: Paint = {
  ifname: plain,
  mac: plain,
  inet: plain,
  inet6: plain,
  state: plain,
};

export const COLOURS: Paint = {
  ifname: span(36),
  mac: span(33),
  inet: span(35),
  inet6: span(34),
  // The operstate's text may carry its padding: colour by the word it starts with.
  state: (s) => (s.startsWith('UP') ? span(32)(s) : s.startsWith('DOWN') ? span(31)(s) : s),
};
