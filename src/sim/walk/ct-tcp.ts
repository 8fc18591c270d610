// nf_conntrack's TCP tracking (nf_conntrack_proto_tcp.c): state table, timeouts, ASSURED, the RST
// that deletes an unanswered entry. Pure: a segment and an entry's TCP facts in, the next ones out.
import { TCP_CT_STATES, type TcpCtState } from '../types';
import type { TcpFlag } from '../trace';

/** Kernel defaults, net.netfilter.nf_conntrack_tcp_timeout_*, in seconds. */
export const TCP_TIMEOUT: { readonly [S in TcpCtState]: number } = {
  SYN_SENT: 120,
  SYN_RECV: 60,
  ESTABLISHED: 432000,
  FIN_WAIT: 120,
  CLOSE_WAIT: 60,
  LAST_ACK: 30,
  TIME_WAIT: 120,
  CLOSE: 10,
  SYN_SENT2: 120,
};

/** nf_conntrack_tcp_timeout_unacknowledged: the cap while either side has data in flight. */
export const TCP_TIMEOUT_UNACKNOWLEDGED = 300;

/** Which row of the table a segment uses: RST first, then SYN (with or without ACK), FIN, ACK. */
export type TcpIndex = 'syn' | 'synack' | 'fin' | 'ack' | 'rst' | 'none';

export function tcpIndex(flags: readonly TcpFlag[]): TcpIndex {
  if (flags.includes('RST')) return 'rst';
  if (flags.includes('SYN')) return flags.includes('ACK') ? 'synack' : 'syn';
  if (flags.includes('FIN')) return 'fin';
  return flags.includes('ACK') ? 'ack' : 'none';
}

/** Columns: the state before the segment; NONE is a connection not tracked yet. */
const COLUMNS = ['NONE', ...TCP_CT_STATES] as const;

/** Cell codes: a next state, IV (invalid: no change, the packet is INVALID), IG (ignored). */
const CODE = {
  SS: 'SYN_SENT',
  SR: 'SYN_RECV',
  ES: 'ESTABLISHED',
  FW: 'FIN_WAIT',
  CW: 'CLOSE_WAIT',
  LA: 'LAST_ACK',
  TW: 'TIME_WAIT',
  CL: 'CLOSE',
  S2: 'SYN_SENT2',
} as const satisfies { [code: string]: TcpCtState };

type Cell = keyof typeof CODE | 'IV' | 'IG';

// The kernel's table, one row per (direction, index), cells in COLUMNS order.
const TABLE: { readonly [D in 'orig' | 'reply']: { readonly [I in TcpIndex]: string } } = {
  orig: {
    syn: 'SS SS IG IG IG IG IG SS SS S2',
    synack: 'IV IV SR IV IV IV IV IV IV SR',
    fin: 'IV IV FW FW LA LA LA TW CL IV',
    ack: 'ES IV ES ES CW CW TW TW CL IV',
    rst: 'IV CL CL CL CL CL CL CL CL CL',
    none: 'IV IV IV IV IV IV IV IV IV IV',
  },
  reply: {
    syn: 'IV S2 IV IV IV IV IV SS IV S2',
    synack: 'IV SR IG IG IG IG IG IG IG SR',
    fin: 'IV IV FW FW LA LA LA TW CL IV',
    ack: 'IV IG SR ES CW CW TW TW CL IG',
    rst: 'IV CL CL CL CL CL CL CL CL CL',
    none: 'IV IV IV IV IV IV IV IV IV IV',
  },
};

/** The table's verdict for a segment: the next state, or why the state does not move. */
export function tcpTransition(
  dir: 'orig' | 'reply',
  index: TcpIndex,
  from: TcpCtState | 'NONE',
): TcpCtState | 'INVALID' | 'IGNORE' {
  const cell = (TABLE[dir][index].split(' ')[COLUMNS.indexOf(from)] ?? 'IV') as Cell;
  if (cell === 'IV') return 'INVALID';
  if (cell === 'IG') return 'IGNORE';
  return CODE[cell];
}

/** The state a first packet gives a new entry; null when conntrack would not track it (INVALID). */
export function tcpFirstState(flags: readonly TcpFlag[]): TcpCtState | null {
  const next = tcpTransition('orig', tcpIndex(flags), 'NONE');
  return next === 'INVALID' || next === 'IGNORE' ? null : next;
}

/** Per direction, the sequence number its sent data (or FIN) ends at while not yet acknowledged. */
export interface InFlight {
  readonly orig: number | null;
  readonly reply: number | null;
}

export const NOTHING_IN_FLIGHT: InFlight = { orig: null, reply: null };

export interface Segment {
  readonly flags: readonly TcpFlag[];
  readonly seq: number;
  readonly ack: number;
  /** Payload bytes. */
  readonly len: number;
}

export interface TcpFacts {
  readonly tcpState: TcpCtState | null;
  readonly seenReply: boolean;
  readonly assured: boolean;
}

export type TcpStep =
  | { readonly kind: 'unchanged'; readonly verdict: 'INVALID' | 'IGNORE' }
  | {
      readonly kind: 'moved';
      readonly tcpState: TcpCtState;
      /** Seconds until the entry expires, counted from this segment. */
      readonly timeout: number;
      readonly assured: boolean;
      /** A RST while no reply has been seen: nf_ct_kill, the entry leaves the table at once. */
      readonly deleted: boolean;
      readonly inFlight: InFlight;
    };

/**
 * One segment of a tracked connection, as nf_conntrack_tcp_packet handles it (window checks and
 * retransmission counting aside: the engine sends neither out-of-window segments nor retransmits).
 * `e.seenReply` is the flag before this segment: the kernel sets it only after the TCP handler ran.
 */
export function tcpStep(
  e: TcpFacts,
  dir: 'orig' | 'reply',
  seg: Segment,
  inFlight: InFlight,
): TcpStep {
  const from = e.tcpState ?? 'NONE';
  const index = tcpIndex(seg.flags);
  const next = tcpTransition(dir, index, from);
  if (next === 'INVALID' || next === 'IGNORE') return { kind: 'unchanged', verdict: next };
  const other = dir === 'orig' ? 'reply' : 'orig';
  const syn = seg.flags.includes('SYN');
  const fin = seg.flags.includes('FIN');
  // Data or a FIN moves the sender's end past what the peer acknowledged; an ACK of exactly
  // that end clears it (IP_CT_TCP_FLAG_DATA_UNACKNOWLEDGED). SYNs only set the initial ends.
  const end = seg.seq + seg.len + (syn ? 1 : 0) + (fin ? 1 : 0);
  let flight: InFlight = !syn && end > seg.seq ? { ...inFlight, [dir]: end } : inFlight;
  if (seg.flags.includes('ACK') && flight[other] === seg.ack) flight = { ...flight, [other]: null };
  const unacked = flight.orig !== null || flight.reply !== null;
  let timeout =
    index === 'rst'
      ? TCP_TIMEOUT.CLOSE
      : unacked && TCP_TIMEOUT[next] > TCP_TIMEOUT_UNACKNOWLEDGED
        ? TCP_TIMEOUT_UNACKNOWLEDGED
        : TCP_TIMEOUT[next];
  let assured = e.assured;
  if (!e.seenReply) {
    // Picked up mid-connection and never answered: no five-day timeout.
    if (next === 'ESTABLISHED') timeout = Math.min(timeout, TCP_TIMEOUT_UNACKNOWLEDGED);
  } else if (
    !assured &&
    (from === 'SYN_RECV' || from === 'ESTABLISHED') &&
    next === 'ESTABLISHED'
  ) {
    assured = true;
  }
  const deleted = index === 'rst' && !e.seenReply;
  return { kind: 'moved', tcpState: next, timeout, assured, deleted, inFlight: flight };
}
