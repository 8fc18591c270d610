// `docker info` (alias `docker system info`), as docker/cli prints it: prettyPrintInfo in
// cli/command/system/info.go, read at v27.5.1 and v29.0.4, filled with what dockerd's /info answers
// (moby daemon/info.go at v27.5.1 and docker-v29.0.4) for the lab's host. The fixtures beside this
// file (fixtures/docker-info-*.txt) are one lab written out by hand from those sources.
//
// Per release: 27.5.1 keeps images in the overlay2 graph driver and has CDI off unless enabled; a
// fresh 29.0.4 install uses the containerd image store (Storage Driver: overlayfs, driver-type
// io.containerd.snapshotter.v1; daemon/image_store_choice.go), lists the CDI spec directories (on
// by default since 28), also trusts ::1/128 as an insecure registry, and names its Firewall Backend.
// Neither prints bridge-nf-call warnings: moby removed them in 27.5.0 (commit 3a1e495a0f).
// Not written: the containerd, runc and init commits (the containerd.io package's, not the
// release's; as `docker version`, the lab prints only values it records), the client's CLI plugins
// (the host has none installed), and the IPv4-forwarding warning, which dockerd reads once when it
// starts. Versions come from the one releases table (sim/releases.ts), machine facts from machine.ts.
import type { Profile, World } from '../../sim';
import type { Ctx } from '../context';
import { isSet, lastValue, parseFlags } from '../flags';
import { flagError } from './errors';
import { commandHelp } from './help';
import { bytesSize, infoOf } from './info-of';
import { executeTemplate } from './template';

/** prettyPrintInfo's text (stdout): the Client section, then the Server's. */
export function infoText(world: World): string {
  const i = infoOf(world);
  const c = i.ClientInfo;
  const lines = [
    `Client: ${c.Platform.Name}`,
    ` Version:    ${c.Version}`,
    ` Context:    ${c.Context}`,
    ` Debug Mode: ${c.Debug}`,
    '',
    'Server:',
    ` Containers: ${i.Containers}`,
    `  Running: ${i.ContainersRunning}`,
    `  Paused: ${i.ContainersPaused}`,
    `  Stopped: ${i.ContainersStopped}`,
    ` Images: ${i.Images}`,
    ` Server Version: ${i.ServerVersion}`,
    ` Storage Driver: ${i.Driver}`,
    ...i.DriverStatus.map(([k, v]) => `  ${k}: ${v}`),
    ` Logging Driver: ${i.LoggingDriver}`,
    ` Cgroup Driver: ${i.CgroupDriver}`,
    ` Cgroup Version: ${i.CgroupVersion}`,
    ' Plugins:',
    `  Volume: ${i.Plugins.Volume.join(' ')}`,
    `  Network: ${i.Plugins.Network.join(' ')}`,
    `  Log: ${i.Plugins.Log.join(' ')}`,
    ...(i.CDISpecDirs.length > 0
      ? [' CDI spec directories:', ...i.CDISpecDirs.map((d) => `  ${d}`)]
      : []),
    ` Swarm: ${i.Swarm.LocalNodeState}`,
    // The CLI ranges over a Go map here: the order changes from run to run.
    ` Runtimes: io.containerd.runc.v2 runc`,
    ` Default Runtime: ${i.DefaultRuntime}`,
    ` Init Binary: ${i.InitBinary}`,
    ' Security Options:',
    ...i.SecurityOptions.flatMap((o) => {
      const [name, profile] = o.replace(/^name=/, '').split(',profile=');
      return profile === undefined ? [`  ${name}`] : [`  ${name}`, `   Profile: ${profile}`];
    }),
    ` Kernel Version: ${i.KernelVersion}`,
    ` Operating System: ${i.OperatingSystem}`,
    ` OSType: ${i.OSType}`,
    ` Architecture: ${i.Architecture}`,
    ` CPUs: ${i.NCPU}`,
    ` Total Memory: ${bytesSize(i.MemTotal)}`,
    ` Name: ${i.Name}`,
    ` ID: ${i.ID}`,
    ` Docker Root Dir: ${i.DockerRootDir}`,
    ` Debug Mode: ${i.Debug}`,
    ` Experimental: ${i.ExperimentalBuild}`,
    ' Insecure Registries:',
    ...i.InsecureRegistryCIDRs.map((r) => `  ${r}`),
    ` Live Restore Enabled: ${i.LiveRestoreEnabled}`,
    ` Product License: ${i.ProductLicense}`,
    ...('FirewallBackend' in i ? [` Firewall Backend: ${i.FirewallBackend.Driver}`] : []),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

/** cli.NoArgs: CLI ≤ 27 quotes the command and ends with its summary; CLI ≥ 28 as cobra's other errors. */
function noArgs(profile: Profile): string {
  return profile === 'docker-29'
    ? "docker: 'docker info' accepts no arguments\n\nUsage:  docker info [OPTIONS]\n\nRun 'docker info --help' for more information\n"
    : '"docker info" accepts no arguments.\nSee \'docker info --help\'.\n\nUsage:  docker info [OPTIONS]\n\nDisplay system-wide information\n';
}

export function dockerInfo(args: readonly string[], ctx: Ctx): number {
  const p = parseFlags(args, [{ long: 'format', short: 'f', value: true }, { long: 'help' }]);
  if (!p.ok) {
    ctx.err(flagError('info', p.error));
    return 125;
  }
  if (isSet(p.value, 'help')) {
    ctx.out(commandHelp('info'));
    return 0;
  }
  const world = ctx.api.world();
  if (p.value.args.length > 0) {
    ctx.err(noArgs(world.profile));
    return 1;
  }
  const format = lastValue(p.value, 'format');
  if (format === undefined || format === '') {
    ctx.out(infoText(world));
    return 0;
  }
  const r = executeTemplate(format === 'json' ? '{{json .}}' : format, infoOf(world));
  if (!r.ok) {
    ctx.err(`docker: ${r.error}\n`);
    return 1;
  }
  // formatInfo writes a newline after the template's output.
  ctx.out(`${r.text}\n`);
  return 0;
}
