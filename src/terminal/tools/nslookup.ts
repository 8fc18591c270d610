// busybox 1.35 nslookup (networking/nslookup.c, FEATURE_NSLOOKUP_BIG): asks the server named on the
// line or resolv.conf's first nameserver for A and AAAA, prints `Server:`/`Address:` with the first
// reply, then one block per reply as it arrives: the A answer, the AAAA one (the lab's names have
// no IPv6 address: an empty answer, which busybox shows as a bare "Non-authoritative answer:"),
// or `** server can't find NAME: NXDOMAIN` for each. No reply: the timeout line. Both queries and
// their answers are walked as packets (walk/dns.ts), both queries first, as busybox sends them.
import { parseIPv4, type IPv4 } from '../../sim/addr';
import { DNS_RECORDS, lookupPublicName } from '../../sim/internet';
import type { Ctx } from '../context';
import { hostNameservers } from '../../sim';
import { flowSource, resolveName, usesEmbeddedDns, walkable } from './resolve';

const USAGE =
  'BusyBox v1.35.0 multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n';

const EMBEDDED = '127.0.0.11' as IPv4;

/** What the server answers for `name`: an address, or null (NXDOMAIN). */
function answer(ctx: Ctx, server: IPv4, name: string): IPv4 | null {
  // Docker's embedded DNS answers the containers sharing a network, and forwards the rest.
  if (server === EMBEDDED) return resolveName(ctx.api.world(), ctx.where, name);
  return lookupPublicName(name);
}

export function nslookup(args: readonly string[], ctx: Ctx): number {
  const opt = args.find((a) => a.startsWith('-'));
  // Options busybox knows (-type=, -port=, -debug…) are not modelled: said in the lab's words.
  const known = /^-(type|querytype|port|retry|debug|t|timeout)(=|$)/.exec(opt ?? '');
  if (opt !== undefined && known) {
    ctx.err(`nslookup: -${known[1] ?? ''} is not in this lab: it asks for A and AAAA records\n`);
    return 1;
  }
  if (args.length === 0 || args.length > 2 || opt !== undefined) {
    ctx.err(USAGE);
    return 1;
  }
  const [name = '', given] = args;
  const world = ctx.api.world();
  const server = given
    ? parseIPv4(given)
    : {
        ok: true as const,
        value: usesEmbeddedDns(world, ctx.where)
          ? EMBEDDED
          : (hostNameservers(world)[0] ?? EMBEDDED),
      };
  if (!server.ok) {
    ctx.err(`nslookup: bad address '${given ?? ''}'\n`);
    return 1;
  }
  const ns = server.value;
  // A name a saved lab could not hold is asked without a walked packet.
  const sim = walkable(name)
    ? ctx.api.sendFlow({
        from: ctx.source ?? flowSource(world, ctx.where),
        to: ns,
        kind: 'dns',
        lookup: name,
      })
    : null;
  // The embedded DNS is not walked yet: it answers whenever the container has it.
  if (ns !== EMBEDDED && sim && sim.result.kind !== 'connected') {
    ctx.out(';; connection timed out; no servers could be reached\n\n');
    return 1;
  }
  let out = `Server:\t\t${ns}\nAddress:\t${ns}:53\n\n`;
  const literal = parseIPv4(name);
  if (literal.ok) {
    // An address: one PTR query for its in-addr.arpa name.
    const ptr = `${literal.value.split('.').reverse().join('.')}.in-addr.arpa`;
    const owner = Object.keys(DNS_RECORDS).find((k) => DNS_RECORDS[k] === literal.value);
    out += owner
      ? `Non-authoritative answer:\n${ptr}\tname = ${owner}\n\n`
      : `** server can't find ${ptr}: NXDOMAIN\n\n`;
    ctx.out(out);
    return owner ? 0 : 1;
  }
  const ip = answer(ctx, ns, name);
  out += ip
    ? `Non-authoritative answer:\nName:\t${name}\nAddress: ${ip}\n\nNon-authoritative answer:\n\n`
    : `** server can't find ${name}: NXDOMAIN\n\n** server can't find ${name}: NXDOMAIN\n\n`;
  ctx.out(out);
  return ip ? 0 : 1;
}
