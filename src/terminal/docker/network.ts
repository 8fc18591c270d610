// `docker network ls|inspect|create|rm|connect|disconnect` over the store's network actions.
import { own } from '../own';
import { findNetwork, type Network, type World } from '../../sim';
import type { Ctx } from '../context';
import { isSet, allValues, lastValue, parseFlags, type FlagSpec, type ParsedFlags } from '../flags';
import { argsError, daemonText, flagError } from './errors';
import { commandHelp } from './help';
import { networkInspect } from './inspect';
import { exact, FILTER_FLAG, invalidFilter, match, parseFilters, type Filters } from './filters';
import { formatRows, printInspected, type ListFormat } from './format';
import type { TemplateResult } from './template';
import { goTimeString } from './time';

const HELP: FlagSpec = { long: 'help' };

/** The network formatter's row type and headers (docker/cli cli/command/network/formatter.go). */
const NETWORK_FORMAT = (world: World): ListFormat => ({
  type: '*network.networkContext',
  headers: {
    ID: 'NETWORK ID',
    Name: 'NAME',
    Driver: 'DRIVER',
    Scope: 'SCOPE',
    ...(world.profile === 'docker-29' ? { IPv4: 'IPV4' } : {}),
    IPv6: 'IPV6',
    Internal: 'INTERNAL',
    Labels: 'LABELS',
    CreatedAt: 'CREATED AT',
  },
  defaultTable: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}',
  quiet: '{{.ID}}',
});

const PREDEFINED = ['bridge', 'host', 'none'];

/** moby daemon/network/filter.go FilterNetworks, for the keys api/types/network accepts. */
function filterNetworks(world: World, nets: readonly Network[], f: Filters): Network[] | string {
  const bad = invalidFilter(f, ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type']);
  if (bad) return bad;
  const dangling = f.get('dangling') ?? [];
  if (dangling.length > 1) return 'got more than one value for filter key "dangling"';
  const only = dangling[0];
  if (only !== undefined && !['0', 'false', '1', 'true'].includes(only))
    return 'invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")';
  // A dangling network: not predefined, no container attached.
  const used = (n: Network) =>
    PREDEFINED.includes(n.name) ||
    world.containers.some((c) => c.endpoints.some((e) => e.networkId === n.id));
  let out = nets.filter(
    (n) =>
      exact(f, 'driver', n.driver) &&
      match(f, 'name', n.name) &&
      match(f, 'id', n.id) &&
      !f.has('label') &&
      exact(f, 'scope', 'local') &&
      (only === undefined || used(n) !== (only === '1' || only === 'true')),
  );
  const types = f.get('type');
  if (types) {
    const bySet: Network[] = [];
    for (const t of types) {
      if (t !== 'builtin' && t !== 'custom') return `invalid filter: 'type'='${t}'`;
      bySet.push(...out.filter((n) => PREDEFINED.includes(n.name) === (t === 'builtin')));
    }
    out = bySet;
  }
  return out;
}

export function networkLs(
  world: World,
  o: { quiet: boolean; trunc?: boolean; format?: string | undefined; filters?: Filters },
): TemplateResult {
  const sorted = [...world.networks].sort((a, b) =>
    a.name.localeCompare(b.name, 'en', { numeric: true }),
  );
  const nets = filterNetworks(world, sorted, o.filters ?? new Map());
  if (typeof nets === 'string')
    return { ok: false, kind: 'lab', error: `Error response from daemon: ${nets}` };
  const rows = nets.map((n) => ({
    CreatedAt: goTimeString(n.created),
    Driver: n.driver,
    ID: o.trunc === false ? n.id : n.id.slice(0, 12),
    ...(world.profile === 'docker-29' ? { IPv4: 'true' } : {}),
    IPv6: 'false',
    Internal: 'false',
    Labels: '',
    Name: n.name,
    Scope: 'local',
  }));
  return formatRows(NETWORK_FORMAT(world), rows, o);
}

type Sub = (args: readonly string[], ctx: Ctx) => number;

function withFlags(
  name: string,
  specs: readonly FlagSpec[],
  min: number,
  usage: string,
  body: (f: ParsedFlags, ctx: Ctx) => number,
): Sub {
  return (args, ctx) => {
    const p = parseFlags(args, [...specs, HELP]);
    if (!p.ok) {
      ctx.err(flagError(`network ${name}`, p.error));
      return 125;
    }
    if (isSet(p.value, 'help')) {
      ctx.out(commandHelp(`network ${name}`));
      return 0;
    }
    if (p.value.args.length < min) {
      ctx.err(
        argsError(
          `network ${name}`,
          usage,
          min === 2 ? 'exactly 2 arguments' : min === 1 ? 'at least 1 argument' : 'no arguments',
        ),
      );
      return 1;
    }
    return body(p.value, ctx);
  };
}

function each(refs: readonly string[], act: (ref: string) => boolean): number {
  let status = 0;
  for (const ref of refs) if (!act(ref)) status = 1;
  return status;
}

const SUBCOMMANDS: { readonly [name: string]: Sub } = {
  ls: withFlags(
    'ls',
    [
      { long: 'quiet', short: 'q' },
      { long: 'no-trunc' },
      { long: 'format', value: true },
      FILTER_FLAG,
    ],
    0,
    '[OPTIONS]',
    (f, ctx) => {
      const filters = parseFilters(allValues(f, 'filter'));
      if (!filters.ok) {
        ctx.err(flagError('network ls', filters.error));
        return 125;
      }
      const r = networkLs(ctx.api.world(), {
        quiet: isSet(f, 'quiet'),
        trunc: !isSet(f, 'no-trunc'),
        format: lastValue(f, 'format'),
        filters: filters.value,
      });
      if (!r.ok) {
        ctx.err(`${r.error}\n`);
        return 1;
      }
      ctx.out(r.text);
      return 0;
    },
  ),
  inspect: withFlags(
    'inspect',
    [{ long: 'format', short: 'f', value: true }],
    1,
    '[OPTIONS] NETWORK [NETWORK...]',
    (f, ctx) => {
      const world = ctx.api.world();
      const found = f.args.map((ref) => {
        const n = findNetwork(world, ref);
        return n
          ? { ok: true as const, value: networkInspect(world, n) }
          : { ok: false as const, error: `Error response from daemon: network ${ref} not found` };
      });
      return printInspected(ctx, found, lastValue(f, 'format'));
    },
  ),
  create: withFlags(
    'create',
    [
      { long: 'driver', short: 'd', value: true },
      { long: 'subnet', value: true },
      { long: 'gateway', value: true },
      { long: 'opt', short: 'o', value: true },
    ],
    1,
    '[OPTIONS] NETWORK',
    (f, ctx) => {
      // Keys are the user's: own entries only (`-o __proto__=x` is an option, not a prototype).
      const pairs: [string, string][] = [];
      for (const kv of allValues(f, 'opt')) {
        const eq = kv.indexOf('=');
        if (eq < 0) {
          ctx.err(
            flagError(
              'network create',
              `invalid argument "${kv}" for "-o, --opt" flag: bad format for option: ${kv}`,
            ),
          );
          return 125;
        }
        pairs.push([kv.slice(0, eq), kv.slice(eq + 1)]);
      }
      const options = Object.fromEntries(pairs);
      const driver = lastValue(f, 'driver');
      const subnet = lastValue(f, 'subnet');
      const gateway = lastValue(f, 'gateway');
      const r = ctx.api.createNetwork({
        name: f.args[0] ?? '',
        options,
        ...(driver === undefined ? {} : { driver }),
        ...(subnet === undefined ? {} : { subnet }),
        ...(gateway === undefined ? {} : { gateway }),
      });
      if (!r.ok) {
        ctx.err(`${daemonText(r.error)}\n`);
        return 1;
      }
      ctx.out(`${r.value.id}\n`);
      return 0;
    },
  ),
  rm: withFlags('rm', [], 1, 'NETWORK [NETWORK...]', (f, ctx) =>
    each(f.args, (ref) => {
      const r = ctx.api.removeNetwork(ref);
      if (r.ok) ctx.out(`${ref}\n`);
      else ctx.err(`${daemonText(r.error)}\n`);
      return r.ok;
    }),
  ),
  connect: withFlags('connect', [], 2, '[OPTIONS] NETWORK CONTAINER', (f, ctx) => {
    const r = ctx.api.connectNetwork(f.args[0] ?? '', f.args[1] ?? '');
    if (r.ok) return 0;
    ctx.err(`${daemonText(r.error)}\n`);
    return 1;
  }),
  disconnect: withFlags(
    'disconnect',
    [{ long: 'force', short: 'f' }],
    2,
    '[OPTIONS] NETWORK CONTAINER',
    (f, ctx) => {
      const r = ctx.api.disconnectNetwork(f.args[0] ?? '', f.args[1] ?? '');
      if (r.ok) return 0;
      ctx.err(`${daemonText(r.error)}\n`);
      return 1;
    },
  ),
};
const ALIASES: { readonly [name: string]: string } = { list: 'ls', remove: 'rm' };

export const NETWORK_SUBCOMMANDS = ['connect', 'create', 'disconnect', 'inspect', 'ls', 'rm'];

export function dockerNetwork(args: readonly string[], ctx: Ctx): number {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help') {
    ctx.out(commandHelp('network'));
    return 0;
  }
  const run = own(SUBCOMMANDS, own(ALIASES, sub) ?? sub);
  if (!run) {
    ctx.err(`docker: 'network ${sub}' is not a docker command.\nSee 'docker --help'\n`);
    return 1;
  }
  return run(rest, ctx);
}
