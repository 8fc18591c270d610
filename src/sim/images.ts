// The image catalogue: what `docker run IMAGE` knows about each image. Plain data.
import type { L4Proto, Listener } from './types';

export interface ImageInfo {
  readonly name: string;
  /** The tag `docker images` shows; absent: `latest`. */
  readonly tag?: string;
  readonly id: string; // 12-hex short id shown by `docker images`
  readonly size: string;
  readonly created: string;
  /** Default command (CMD/ENTRYPOINT joined as `docker ps` shows it). */
  readonly command: readonly string[];
  readonly exposes: readonly { readonly port: number; readonly proto: L4Proto }[];
  readonly listeners: readonly Listener[];
  /** Lines `docker logs` prints for a running container. */
  readonly logs: readonly string[];
  /** A shell without a foreground process exits at once unless -it/-d with tty keep it alive. */
  readonly exitsWithoutTty: boolean;
  /**
   * The userland the image is built on: busybox's applets and ash (`/ # `), or Debian's coreutils,
   * dash as sh and bash (`root@HOST:/# `). nginx, redis and httpd are `FROM debian:bookworm-slim`
   * (github:nginxinc/docker-nginx mainline/debian/Dockerfile; docker-library redis, httpd).
   */
  readonly userland: 'busybox' | 'debian';
}

const page = (title: string) =>
  `<!DOCTYPE html>\n<html>\n<head>\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n</body>\n</html>\n`;

export const IMAGES: readonly ImageInfo[] = [
  {
    name: 'busybox',
    id: 'af4709625109',
    size: '4.27MB',
    created: '13 months ago',
    command: ['sh'],
    exposes: [],
    listeners: [],
    logs: [],
    exitsWithoutTty: true,
    userland: 'busybox',
  },
  {
    name: 'alpine',
    id: '9234e8fb04c4',
    size: '8.31MB',
    created: '5 months ago',
    command: ['/bin/sh'],
    exposes: [],
    listeners: [],
    logs: [],
    exitsWithoutTty: true,
    userland: 'busybox',
  },
  {
    name: 'nginx',
    id: '9bea9f2796e2',
    size: '192MB',
    created: '2 weeks ago',
    command: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
    exposes: [{ port: 80, proto: 'tcp' }],
    listeners: [{ proto: 'tcp', port: 80, http: { status: 200, body: page('Welcome to nginx!') } }],
    logs: [
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      '2026/11/27 09:00:00 [notice] 1#1: start worker processes',
    ],
    exitsWithoutTty: false,
    userland: 'debian',
  },
  {
    name: 'training/webapp',
    id: '6fae60ef3446',
    size: '349MB',
    created: '10 years ago',
    command: ['python', 'app.py'],
    exposes: [{ port: 5000, proto: 'tcp' }],
    listeners: [{ proto: 'tcp', port: 5000, http: { status: 200, body: 'Hello world!' } }],
    logs: [' * Running on http://0.0.0.0:5000/ (Press CTRL+C to quit)'],
    exitsWithoutTty: false,
    userland: 'debian',
  },
  {
    name: 'redis',
    id: '7faaec683238',
    size: '117MB',
    created: '3 weeks ago',
    command: ['docker-entrypoint.sh', 'redis-server'],
    exposes: [{ port: 6379, proto: 'tcp' }],
    listeners: [{ proto: 'tcp', port: 6379 }],
    logs: ['1:M 27 Nov 2026 09:00:00.000 * Ready to accept connections tcp'],
    exitsWithoutTty: false,
    userland: 'debian',
  },
  {
    name: 'httpd',
    id: 'a6ca7b52a415',
    size: '148MB',
    created: '3 weeks ago',
    command: ['httpd-foreground'],
    exposes: [{ port: 80, proto: 'tcp' }],
    listeners: [
      {
        proto: 'tcp',
        port: 80,
        http: { status: 200, body: '<html><body><h1>It works!</h1></body></html>\n' },
      },
    ],
    logs: [
      '[mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations',
    ],
    exitsWithoutTty: false,
    userland: 'debian',
  },
  // docker-library/python 3.12/slim-trixie: FROM debian:trixie-slim, Python built into /usr/local,
  // CMD ["python3"], no EXPOSE, no WORKDIR, no PYTHONUNBUFFERED. `python3` alone reads a script from
  // its empty stdin and exits 0.
  {
    name: 'python',
    tag: '3.12-slim',
    id: 'c2f1f0bd9c5a', // a stand-in: the real id changes with every weekly rebuild
    size: '119MB',
    created: '3 weeks ago',
    command: ['python3'],
    exposes: [],
    listeners: [],
    logs: [],
    exitsWithoutTty: true,
    userland: 'debian',
  },
];

const BUSYBOX_APPLETS = [
  'sh',
  'ash',
  'echo',
  'sleep',
  'ping',
  'wget',
  'nc',
  'ifconfig',
  'ip',
  'route',
  'arp',
  'cat',
  'hostname',
  'top',
  'true',
  'false',
  'env',
  'ls',
  'ps',
  'nslookup',
  'traceroute',
  'httpd',
  'tail',
  'date',
  'uname',
  'id',
  'whoami',
  'pwd',
  'netstat',
  'printf',
  'yes',
  'busybox',
  'sysctl',
  'telnet',
  'udhcpc',
  'vi',
];
/**
 * What debian:bookworm-slim puts on PATH that learners type: bash, dash as sh, coreutils, hostname,
 * libc-bin's getent. Not iproute2, iputils-ping, net-tools, procps, wget or netcat: `docker exec
 * web ping …` fails in every Debian-based official image.
 */
const DEBIAN = [
  'sh',
  'bash',
  'echo',
  'cat',
  'sleep',
  'true',
  'false',
  'env',
  'ls',
  'hostname',
  'id',
  'uname',
  'date',
  'pwd',
  'whoami',
  'tail',
  'printf',
  'getent',
];

/** Programs each image has on its PATH (what `docker run IMAGE CMD` can start). */
const EXECUTABLES: { readonly [image: string]: readonly string[] } = {
  busybox: BUSYBOX_APPLETS,
  alpine: [...BUSYBOX_APPLETS, 'apk'],
  // The nginx Dockerfile installs nginx, gettext-base (envsubst) and curl onto bookworm-slim.
  nginx: [...DEBIAN, 'nginx', '/docker-entrypoint.sh', 'curl', 'envsubst'],
  'training/webapp': [...DEBIAN, 'python', 'pip'],
  redis: [...DEBIAN, 'redis-server', 'redis-cli', 'docker-entrypoint.sh'],
  httpd: [...DEBIAN, 'httpd', 'httpd-foreground', 'apachectl'],
  python: [...DEBIAN, 'python3', 'python', 'python3.12', 'pip', 'pip3'],
};

/** Can this image start `cmd` (a name on its PATH, or an absolute path to one)? */
export function hasExecutable(image: ImageInfo, cmd: string): boolean {
  const list = EXECUTABLES[image.name] ?? [];
  const base = cmd.startsWith('/') ? cmd.slice(cmd.lastIndexOf('/') + 1) : cmd;
  return (
    list.includes(cmd) ||
    (cmd.startsWith('/') && /^\/(usr\/)?(s?bin|local\/bin)\//.test(cmd) && list.includes(base))
  );
}

/**
 * runc's lookup failure (Go's exec.LookPath): a bare name is searched on PATH, a name with a slash
 * is stat'ed (`exec: "/bin/ping": stat /bin/ping: no such file or directory`).
 */
export function lookPathError(cmd: string): string {
  return cmd.includes('/')
    ? `exec: ${JSON.stringify(cmd)}: stat ${cmd}: no such file or directory`
    : `exec: ${JSON.stringify(cmd)}: executable file not found in $PATH`;
}

/**
 * `nginx`, `nginx:latest` and `docker.io/library/nginx` all name the same catalogue entry;
 * `python:3.12-slim` names the entry with that tag.
 */
export function findImage(ref: string): ImageInfo | undefined {
  const bare = ref.replace(/^docker\.io\//, '').replace(/^library\//, '');
  const colon = bare.lastIndexOf(':');
  const [name, tag] =
    colon === -1 ? [bare, 'latest'] : [bare.slice(0, colon), bare.slice(colon + 1)];
  return IMAGES.find((i) => i.name === name && (i.tag ?? 'latest') === tag);
}
