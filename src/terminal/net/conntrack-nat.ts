// conntrack's NAT filters -n (--src-nat), -g (--dst-nat), -j (--any-nat), as conntrack-tools 1.4.7
// applies them (measured in network namespaces: a DNATed TCP flow, a MASQUERADEd ping, a plain
// ping). Without an address a flow counts as NATed when its reply tuple's address OR port differs
// from the original's: an ICMP flow always does, because libnetfilter_conntrack compares the echo
// id with the type/code there, so a plain ping is listed by all three. With an address only the
// address counts: -n IP keeps flows SNATed to IP (reply destination), -g IP flows DNATed to IP
// (reply source). -n and -g together keep flows that pass both. Pure.
import type { ConntrackEntry } from '../../sim';

export interface NatOption {
  readonly kind: '--src-nat' | '--dst-nat' | '--any-nat';
  /** The address after the option, when one was given (conntrack's optional argument). */
  readonly ip: string | undefined;
}

const snatAddr = (e: ConntrackEntry) => e.reply.dst !== e.orig.src;
const dnatAddr = (e: ConntrackEntry) => e.reply.src !== e.orig.dst;
// For ICMP the "ports" are the echo id against type/code: they differ whatever NAT did.
const snatPort = (e: ConntrackEntry) => e.proto === 'icmp' || e.reply.dport !== e.orig.sport;
const dnatPort = (e: ConntrackEntry) => e.proto === 'icmp' || e.reply.sport !== e.orig.dport;

function snat(e: ConntrackEntry, ip: string | undefined): boolean {
  return ip === undefined ? snatAddr(e) || snatPort(e) : snatAddr(e) && e.reply.dst === ip;
}
function dnat(e: ConntrackEntry, ip: string | undefined): boolean {
  return ip === undefined ? dnatAddr(e) || dnatPort(e) : dnatAddr(e) && e.reply.src === ip;
}

/** Whether the flow passes the NAT options given (all of them; none given passes every flow). */
export function natFilter(e: ConntrackEntry, options: readonly NatOption[]): boolean {
  return options.every((o) =>
    o.kind === '--src-nat'
      ? snat(e, o.ip)
      : o.kind === '--dst-nat'
        ? dnat(e, o.ip)
        : snat(e, o.ip) || dnat(e, o.ip),
  );
}
