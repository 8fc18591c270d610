// What tcpdump 4.99 prints for a UDP payload on a port it decodes by number (print-udp.c's port
// chain) when the payload is not that protocol: the lab's datagrams ("query", "answer", a few
// bytes) are too short for the protocol's header, or their first bytes name no known message.
// Each decoder reads only what tcpdump reads before it gives up; anything it would decode further
// returns null (the caller then prints `UDP, length N`). Checked against real tcpdump output in
// fixtures/udp-ports.*.txt (record-udp-ports.sh). DNS messages themselves are printed elsewhere.

type Decoder = (b: Uint8Array, len: number, verbose: boolean) => string | null;

/** A header of `size` bytes the payload does not fill: tcpdump's truncation mark. */
const short =
  (size: number, text: (len: number) => string): Decoder =>
  (_b, len) =>
    len < size ? text(len) : null;

/** print-ntp.c: version and mode from the first byte; -v gives up at the leap indicator. */
const NTP_MODES = [
  'unspecified',
  'symmetric active',
  'symmetric passive',
  'Client',
  'Server',
  'Broadcast',
  'Control Message',
  'Reserved',
] as const;
const ntp: Decoder = (b, len, verbose) => {
  const b0 = b[0];
  // Leap indicators 2 and 3 (first byte ≥ 0x80) and longer messages are not modelled.
  if (b0 === undefined || b0 >= 0x80 || len >= 12) return null;
  const mode = b0 & 7;
  const head = `NTPv${(b0 >> 3) & 7}, ${NTP_MODES[mode]}, length ${len}`;
  if (!verbose) return head;
  const li = b0 >> 6;
  // Mode 7 (private) stops after the leap indicator; the others find the rest missing.
  return `${head}\n\tLeap indicator: ${li ? '+1s' : ''} (${li << 6})${mode === 7 ? '' : ' (invalid)'}`;
};

/** print-tftp.c: an opcode (first two bytes) it does not know. */
const tftp: Decoder = (b, len) => {
  if (len < 2 || b.length < 2) return null;
  const op = ((b[0] ?? 0) << 8) | (b[1] ?? 0);
  return op >= 1 && op <= 6 ? null : `TFTP, length ${len}, tftp-#${op}`;
};

/** print-bootp.c: an op that is neither request nor reply; -v stops before `secs` (offset 8). */
const bootp: Decoder = (b, len, verbose) => {
  const op = b[0];
  if (op === undefined || op === 1 || op === 2 || (verbose && len >= 10)) return null;
  const head = `BOOTP/DHCP, unknown (0x${op.toString(16).padStart(2, '0')}), length ${len}`;
  return verbose ? `${head} [|bootp]` : head;
};

/** print-ascii.c's hex_print: 16 bytes a line, in pairs. */
function hex(b: Uint8Array, ident: string): string {
  let out = '';
  for (let i = 0; i < b.length; i += 2) {
    if (i % 16 === 0) out += `${ident}0x${i.toString(16).padStart(4, '0')}: `;
    out += ` ${[...b.subarray(i, i + 2)].map((x) => x.toString(16).padStart(2, '0')).join('')}`;
  }
  return out;
}

/** print-rip.c: a version other than 1 or 2 and an unknown command; -v dumps the bytes. */
const rip: Decoder = (b, len, verbose) => {
  const [cmd, vers] = [b[0], b[1]];
  if (cmd === undefined || vers === undefined || len < 4) return null;
  if ((cmd >= 1 && cmd <= 6) || vers === 1 || vers === 2) return null;
  const head = `${verbose ? '\n\t' : ''}RIPv${vers}, unknown command (${cmd}), length: ${len}`;
  return verbose ? `${head}${hex(b.subarray(0, len), '\n\t')}` : head;
};

/** print-snmp.c's asn1_parse: a short-form length longer than what follows. */
const snmp: Decoder = (b, len) => {
  const [tag, n] = [b[0], b[1]];
  if (tag === undefined || n === undefined || (tag & 0x1f) === 0x1f || n >= 0x80) return null;
  return n > len - 2 ? ` [len${len - 2}<asnlen${n}]` : null;
};

/** print-l2tp.c: the version in the low nibble of the second byte. */
const l2tp: Decoder = (b) => {
  const v = b[1];
  if (v === undefined || (v & 0x0f) === 2) return null;
  return (v & 0x0f) === 1 ? ' l2f:' : ' Unknown Version, neither L2F(1) nor L2TP(2)';
};

/** print-syslog.c: a message must open with `<PRI>`. */
const syslog: Decoder = (b) => (b[0] === undefined || b[0] === 0x3c ? null : ' (invalid)');

/** print-ipsec.c via isakmp_rfc3948_print: neither a keepalive nor a non-ESP marker. */
const espInUdp: Decoder = (b, len) => {
  if (len < 4 || b.length < 4 || b.subarray(0, 4).every((x) => x === 0)) return null;
  return len < 8 ? 'UDP-encap:  [|esp]' : null;
};

/** print-sip.c through txtproto_print: only a request or status line is printed further. */
const SIP_FIRST =
  /^(INVITE|ACK|BYE|CANCEL|REGISTER|OPTIONS|PRACK|SUBSCRIBE|NOTIFY|PUBLISH|INFO|REFER|MESSAGE|UPDATE|SIP\/)/;
const sip: Decoder = (b) => (SIP_FIRST.test(new TextDecoder().decode(b)) ? null : 'SIP');

const domain = short(12, (len) => `domain [length ${len} < 12] (invalid)`);

/**
 * print-udp.c's port chain for the ports the lab's users reach: the first whose port is either end
 * (tcpdump's own order matters only between two such ports, which the lab's flows never pair).
 */
const BY_PORT: readonly (readonly [(p: number) => boolean, Decoder])[] = [
  [(p) => p === 53, domain],
  [(p) => p === 5353, domain],
  [(p) => p === 69, tftp],
  [(p) => p === 67 || p === 68, bootp],
  [(p) => p === 520, rip],
  [(p) => p === 500, short(28, () => ' [|isakmp]')],
  [(p) => p === 4500, espInUdp],
  [(p) => p === 123, ntp],
  [(p) => p === 161 || p === 162, snmp],
  [(p) => p === 1701, l2tp],
  [(p) => p >= 7000 && p <= 7009, short(28, (len) => ` [|rx] (${len})`)],
  [(p) => p === 514, syslog],
  [(p) => p === 1812, short(20, () => ' [|radius]')],
  [(p) => p === 4789, short(8, () => 'VXLAN (invalid)')],
  [(p) => p === 5060, sip],
  [(p) => p === 6081, short(8, (len) => `Geneve [length ${len} < 8] (invalid)`)],
  [(p) => p === 8472, short(8, (len) => `OTV, [length ${len} < 8] (invalid)`)],
];

/**
 * The text after `src.port > dst.port: ` for a datagram of `len` payload bytes whose ports name a
 * protocol tcpdump decodes, or null where it prints `UDP, length N` (or decodes what the lab
 * does not model).
 */
export function udpPortText(
  sport: number,
  dport: number,
  payload: string,
  len: number,
  verbose: boolean,
): string | null {
  const entry = BY_PORT.find(([on]) => on(sport) || on(dport));
  return entry ? entry[1](new TextEncoder().encode(payload), len, verbose) : null;
}
