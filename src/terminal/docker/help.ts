// `docker --help` and `docker CMD --help` for what the lab supports, in the CLI's layout. Pure data.
import { own } from '../own';

interface HelpEntry {
  readonly usage: string;
  readonly summary: string;
  readonly aliases?: string;
  readonly options: readonly (readonly [string, string])[];
}

const HELP: { readonly [command: string]: HelpEntry } = {
  run: {
    usage: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    summary: 'Create and run a new container from an image',
    aliases: 'docker container run, docker run',
    options: [
      ['-d, --detach', 'Run container in background and print container ID'],
      ['-i, --interactive', 'Keep STDIN open even if not attached'],
      ['    --name string', 'Assign a name to the container'],
      ['    --network network', 'Connect a container to a network'],
      ['-p, --publish list', "Publish a container's port(s) to the host"],
      ['-P, --publish-all', 'Publish all exposed ports to random ports'],
      [
        '    --rm',
        'Automatically remove the container and its associated anonymous volumes when it exits',
      ],
      ['-t, --tty', 'Allocate a pseudo-TTY'],
    ],
  },
  ps: {
    usage: 'docker ps [OPTIONS]',
    summary: 'List containers',
    aliases: 'docker container ls, docker container list, docker container ps, docker ps',
    options: [
      ['-a, --all', 'Show all containers (default shows just running)'],
      ['-f, --filter filter', 'Filter output based on conditions provided'],
      ['    --format string', 'Pretty-print containers using a Go template'],
      ['-n, --last int', 'Show n last created containers (includes all states) (default -1)'],
      ['-l, --latest', 'Show the latest created container (includes all states)'],
      ['    --no-trunc', "Don't truncate output"],
      ['-q, --quiet', 'Only display container IDs'],
    ],
  },
  exec: {
    usage: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    summary: 'Execute a command in a running container',
    aliases: 'docker container exec, docker exec',
    options: [
      ['-d, --detach', 'Detached mode: run command in the background'],
      ['-i, --interactive', 'Keep STDIN open even if not attached'],
      ['-t, --tty', 'Allocate a pseudo-TTY'],
    ],
  },
  stop: {
    usage: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Stop one or more running containers',
    aliases: 'docker container stop, docker stop',
    options: [],
  },
  start: {
    usage: 'docker start [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Start one or more stopped containers',
    aliases: 'docker container start, docker start',
    options: [],
  },
  rm: {
    usage: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Remove one or more containers',
    aliases: 'docker container rm, docker container remove, docker rm',
    options: [['-f, --force', 'Force the removal of a running container (uses SIGKILL)']],
  },
  info: {
    usage: 'docker info [OPTIONS]',
    summary: 'Display system-wide information',
    aliases: 'docker system info, docker info',
    options: [
      ['-f, --format string', "Format output using a custom template: 'json' or a Go template"],
    ],
  },
  inspect: {
    usage: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
    summary: 'Return low-level information on Docker objects',
    options: [
      ['-f, --format string', 'Format the output using the given Go template'],
      ['    --type string', 'Return JSON for specified type'],
    ],
  },
  port: {
    usage: 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]',
    summary: 'List port mappings or a specific mapping for the container',
    aliases: 'docker container port, docker port',
    options: [],
  },
  logs: {
    usage: 'docker logs [OPTIONS] CONTAINER',
    summary: 'Fetch the logs of a container',
    aliases: 'docker container logs, docker logs',
    options: [],
  },
  images: {
    usage: 'docker images [OPTIONS] [REPOSITORY[:TAG]]',
    summary: 'List images',
    aliases: 'docker image ls, docker image list, docker images',
    options: [],
  },
  network: { usage: 'docker network COMMAND', summary: 'Manage networks', options: [] },
  'network ls': {
    usage: 'docker network ls [OPTIONS]',
    summary: 'List networks',
    aliases: 'docker network ls, docker network list',
    options: [
      ['-f, --filter filter', 'Provide filter values (e.g. "driver=bridge")'],
      [
        '    --format string',
        'Format output using a custom template (table, json or a Go template)',
      ],
      ['    --no-trunc', 'Do not truncate the output'],
      ['-q, --quiet', 'Only display network IDs'],
    ],
  },
  'network inspect': {
    usage: 'docker network inspect [OPTIONS] NETWORK [NETWORK...]',
    summary: 'Display detailed information on one or more networks',
    options: [
      ['-f, --format string', 'Format output using a custom template (json or a Go template)'],
    ],
  },
  'network create': {
    usage: 'docker network create [OPTIONS] NETWORK',
    summary: 'Create a network',
    options: [
      ['-d, --driver string', 'Driver to manage the Network (default "bridge")'],
      ['    --gateway strings', 'IPv4 or IPv6 Gateway for the master subnet'],
      ['-o, --opt map', 'Set driver specific options (default map[])'],
      ['    --subnet strings', 'Subnet in CIDR format that represents a network segment'],
    ],
  },
  'network rm': {
    usage: 'docker network rm NETWORK [NETWORK...]',
    summary: 'Remove one or more networks',
    aliases: 'docker network rm, docker network remove',
    options: [],
  },
  'network connect': {
    usage: 'docker network connect [OPTIONS] NETWORK CONTAINER',
    summary: 'Connect a container to a network',
    options: [],
  },
  'network disconnect': {
    usage: 'docker network disconnect [OPTIONS] NETWORK CONTAINER',
    summary: 'Disconnect a container from a network',
    options: [],
  },
};

export const DOCKER_COMMANDS = [
  'run',
  'exec',
  'ps',
  'stop',
  'start',
  'rm',
  'inspect',
  'port',
  'logs',
  'images',
  'network',
  'version',
  'info',
] as const;

export function commandHelp(command: string): string {
  const h = own(HELP, command);
  if (!h) return '';
  let s = `\nUsage:  ${h.usage}\n\n${h.summary}\n`;
  if (h.aliases) s += `\nAliases:\n  ${h.aliases}\n`;
  if (command === 'network') {
    s +=
      "\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  rm          Remove one or more networks\n\nRun 'docker network COMMAND --help' for more information on a command.\n";
    return s;
  }
  if (h.options.length > 0) {
    const width = Math.max(...h.options.map(([f]) => f.length));
    s += `\nOptions:\n${h.options.map(([f, d]) => `  ${f.padEnd(width)}   ${d}\n`).join('')}`;
  }
  return s;
}

export function dockerHelp(): string {
  return `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  images      List images
  info        Display system-wide information

Management Commands:
  network     Manage networks

Commands:
  inspect     Return low-level information on Docker objects
  logs        Fetch the logs of a container
  port        List port mappings or a specific mapping for the container
  rm          Remove one or more containers
  start       Start one or more stopped containers
  stop        Stop one or more running containers
  version     Show the Docker version information

Run 'docker COMMAND --help' for more information on a command.

(Docker Network Lab: only the commands above are simulated.)
`;
}
