// What dockerd's /info answers for the lab's host (the fields the lab knows, by their API names:
// moby api/types/system/info.go), and the client's part the CLI adds; `docker info` prints it
// (info.ts) and `--format` reads it. Sources and what is left out: info.ts.
import { IMAGES, RELEASES, type Profile, type World } from '../../sim';
import { MACHINE } from '../machine';

/** go-units BytesSize: binary units, four significant digits as Go's %.4g writes them. */
export function bytesSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];
  let size = bytes;
  let i = 0;
  while (size >= 1024 && i < units.length - 1) {
    size /= 1024;
    i++;
  }
  // %.4g: four significant digits, trailing zeros dropped, an exponent of two digits at least.
  const [mantissa = '', exp] = size.toPrecision(4).split('e');
  const digits = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  const e = exp === undefined ? '' : `e${exp[0]}${exp.slice(1).padStart(2, '0')}`;
  return `${digits}${e}${units[i] ?? ''}`;
}

/** The daemon's ID (a UUID since Engine 23, kept in /var/lib/docker/engine-id), fixed per lab: drawn from the default bridge's id. */
function engineId(world: World): string {
  const h = (world.networks.find((n) => n.isDefault)?.id ?? '').padEnd(32, '0');
  const variant = '89ab'[parseInt(h[16] ?? '0', 16) & 3] ?? '8';
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What the CLI receives from /info (the fields the lab knows, by their API names) and its own. */
export function infoOf(world: World) {
  const profile: Profile = world.profile;
  const release = RELEASES[profile];
  const running = world.containers.filter((c) => c.state === 'running').length;
  const snapshotter = profile === 'docker-29';
  return {
    ID: engineId(world),
    Containers: world.containers.length,
    ContainersRunning: running,
    ContainersPaused: 0,
    ContainersStopped: world.containers.length - running,
    Images: IMAGES.length,
    Driver: snapshotter ? 'overlayfs' : 'overlay2',
    DriverStatus: snapshotter
      ? [['driver-type', 'io.containerd.snapshotter.v1']]
      : [
          ['Backing Filesystem', 'extfs'],
          ['Supports d_type', 'true'],
          ['Using metacopy', 'false'],
          ['Native Overlay Diff', 'true'],
          ['userxattr', 'false'],
        ],
    Plugins: {
      Volume: ['local'],
      Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
      Authorization: null,
      Log: [
        'awslogs',
        'fluentd',
        'gcplogs',
        'gelf',
        'journald',
        'json-file',
        'local',
        'splunk',
        'syslog',
      ],
    },
    LoggingDriver: 'json-file',
    CgroupDriver: MACHINE.cgroupDriver,
    CgroupVersion: MACHINE.cgroupVersion,
    CDISpecDirs: snapshotter ? ['/etc/cdi', '/var/run/cdi'] : [],
    Swarm: { LocalNodeState: 'inactive' },
    DefaultRuntime: 'runc',
    InitBinary: 'docker-init',
    SecurityOptions: [
      ...(MACHINE.appArmor ? ['name=apparmor'] : []),
      'name=seccomp,profile=builtin',
      ...(MACHINE.cgroupVersion === '2' ? ['name=cgroupns'] : []),
    ],
    KernelVersion: MACHINE.kernelRelease,
    OperatingSystem: MACHINE.operatingSystem,
    OSType: 'linux',
    Architecture: MACHINE.architecture,
    NCPU: MACHINE.cpus,
    MemTotal: MACHINE.memTotal,
    Name: world.host.hostname,
    DockerRootDir: '/var/lib/docker',
    Debug: false,
    ExperimentalBuild: false,
    InsecureRegistryCIDRs: snapshotter ? ['::1/128', '127.0.0.0/8'] : ['127.0.0.0/8'],
    LiveRestoreEnabled: false,
    ProductLicense: 'Community Engine',
    ServerVersion: release.version,
    ...(profile === 'docker-29' ? { FirewallBackend: { Driver: 'iptables' } } : {}),
    ClientInfo: {
      Debug: false,
      Platform: { Name: 'Docker Engine - Community' },
      Version: release.version,
      ApiVersion: release.api,
      Context: 'default',
      Plugins: [],
    },
  };
}
