// `docker network ls|inspect|create|rm|connect|disconnect` over the store's network actions.
import { own } from '../own';
import { findNetwork, type World } from '../../sim';
import type { Ctx } from '../context';
import { isSet, allValues, lastValue, parseFlags, type FlagSpec, type ParsedFlags } from '../flags';
import { tabwrite } from '../tabwriter';
import { argsError, daemonText, flagError } from './errors';
import { commandHelp } from './help';
import { goJson, networkInspect } from './inspect';

const HELP: FlagSpec = { long: 'help' };

export function networkLs(world: World, quiet: boolean): string {
  const nets = [...world.networks].sort((a, b) =>
    a.name.localeCompare(b.name, 'en', { numeric: true }),
  );
  if (quiet) return nets.map((n) => `${n.id.slice(0, 12)}\n`).join('');
  return tabwrite([
    ['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'],
    ...nets.map((n) => [n.id.slice(0, 12), n.name, n.driver, 'local']),
  ]);
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
  ls: withFlags('ls', [{ long: 'quiet', short: 'q' }], 0, '[OPTIONS]', (f, ctx) => {
    ctx.out(networkLs(ctx.api.world(), isSet(f, 'quiet')));
    return 0;
  }),
  inspect: withFlags('inspect', [], 1, '[OPTIONS] NETWORK [NETWORK...]', (f, ctx) => {
    const world = ctx.api.world();
    const found = [];
    let status = 0;
    for (const ref of f.args) {
      const n = findNetwork(world, ref);
      if (n) found.push(networkInspect(world, n));
      else {
        ctx.err(`Error response from daemon: network ${ref} not found\n`);
        status = 1;
      }
    }
    ctx.out(goJson(found));
    return status;
  }),
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
