// When a client's kernel sends its SYN again: the connect() of a socket left in SYN_SENT. Pure: the
// times are seconds after the first SYN, read against the flow's own clock (the walk's `t`).

/**
 * The SYNs of one connect(), in seconds after the first: Linux's initial RTO of 1 s
 * (TCP_TIMEOUT_INIT), doubled after each try, tcp_syn_retries = 6 tries after the first; the
 * socket gives up (ETIMEDOUT) 127 s after the first SYN. This is the lab host's kernel (Debian 12,
 * 6.1). From 6.5 the first tcp_syn_linear_timeouts (4) waits stay 1 s (0, 1, 2, 3, 4, 5, 7 s, given
 * up at 11 s): the kernel suite's 6.18 sends them so, and compares the tries where they differ from
 * the first (kernel/README.md, normalisation 3).
 */
export const SYN_TRIES_S: readonly number[] = [0, 1, 3, 7, 15, 31, 63];
export const SYN_GIVE_UP_S = 127;

/**
 * The tries a tool that waits `wait` seconds for its connection sees leave (curl -m, nc -w; none:
 * until the kernel gives up): each SYN sent before the tool closes the socket.
 */
export function synTries(wait?: number): readonly number[] {
  const until = Math.min(wait ?? SYN_GIVE_UP_S, SYN_GIVE_UP_S);
  const tries = SYN_TRIES_S.filter((s) => s < until);
  return tries.length > 0 ? tries : [0];
}

/**
 * A listener's ISN for a SYN that reaches it `after` seconds after the first one of the
 * connection did: secure_tcp_seq adds the clock (ktime in ns >> 6) to a keyed hash of the
 * four-tuple, so a request socket created later starts 15,625,000 further on per second.
 */
export function laterIsn(first: number, after: number): number {
  return (first + Math.round((after * 1e9) / 64)) % 2 ** 32;
}
