// docker inspect -f, docker network inspect -f, docker ps / network ls --format on the reference
// host (c1 busybox httpd -p 8080:80 at 172.17.0.2, c2 busybox at 172.17.0.3, c2 created last).
// Truth, read in the tags' sources: docker/cli v27.5.1 and v29.0.4 cli/command/inspect/inspector.go
// (a template that fails on the typed object runs again on the decoded JSON with
// missingkey=error; errors are `template parsing error: …`, exit 1; a template that does not parse
// exits 64), templates/templates.go (json without HTML escaping, title, join, upper…),
// cli/command/formatter/formatter.go (preFormat, `table` headers, tabwriter) and container.go
// (ContainerContext, its headers), cli/command/network/formatter.go; Go's text/template error
// texts (`template: :1:2: executing "" at <.Foo>: …`; column = the node's byte offset). Examples
// are the ones Docker's docs give (docs.docker.com/reference/cli/docker/inspect/).
import { describe, expect, it } from 'vitest';
import { createWorld, runContainer } from '../../sim';
import { terminalOn } from '../testing/terminal';
import { referenceHost } from '../testing/reference-host';
import { executeTemplate } from './template';

const run = (line: string) => terminalOn(referenceHost()).run(line);

function on29(line: string) {
  let w = createWorld({ profile: 'docker-29' });
  const r = runContainer(w, {
    image: 'nginx',
    name: 'c1',
    detach: true,
    ports: [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp' }],
  });
  if (!r.ok) throw new Error(r.error.message);
  w = r.world;
  return terminalOn(w).run(line);
}

describe('docker inspect -f', () => {
  it('prints a field path per object, a newline after each (docs examples)', () => {
    expect(run("docker inspect -f '{{.NetworkSettings.IPAddress}}' c1").out).toBe('172.17.0.2\n');
    expect(
      run("docker inspect --format='{{range.NetworkSettings.Networks}}{{.IPAddress}}{{end}}' c1 c2")
        .out,
    ).toBe('172.17.0.2\n172.17.0.3\n');
    expect(
      run(
        "docker inspect --format='{{range $p, $conf := .NetworkSettings.Ports}} {{$p}} -> {{(index $conf 0).HostPort}} {{end}}' c1",
      ).out,
    ).toBe(' 80/tcp -> 8080 \n');
    expect(
      run(
        `docker inspect --format='{{(index (index .NetworkSettings.Ports "80/tcp") 0).HostPort}}' c1`,
      ).out,
    ).toBe('8080\n');
  });

  it('json is compact, in the struct’s order, without HTML escaping', () => {
    expect(run("docker inspect -f '{{json .NetworkSettings.Ports}}' c1").out).toBe(
      '{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}]}\n',
    );
    expect(executeTemplate('{{json .}}', { a: '<&>' })).toEqual({ ok: true, text: '{"a":"<&>"}' });
  });

  it('%v of the typed value: a PortMap is a map, its PortBindings structs (go-connections nat)', () => {
    expect(run("docker inspect -f '{{.HostConfig.PortBindings}}' c1").out).toBe(
      'map[80/tcp:[{ 8080}]]\n',
    );
    expect(run("docker inspect -f '{{.NetworkSettings.Ports}}' c1").out).toBe(
      'map[80/tcp:[{0.0.0.0 8080} {:: 8080}]]\n',
    );
  });

  it('a missing key is Go’s "map has no entry", exit 1; the other objects still print', () => {
    const r = run("docker inspect -f '{{.Name}} {{.Foo}}' c1");
    expect(r).toMatchObject({
      out: '',
      err: 'template parsing error: template: :1:12: executing "" at <.Foo>: map has no entry for key "Foo"\n',
      exit: 1,
    });
    const two = run("docker inspect -f '{{.Name}}' c1 nosuch c2");
    expect(two).toMatchObject({
      out: '/c1\n/c2\n',
      err: 'Error: No such object: nosuch\n',
      exit: 1,
    });
  });

  it('a template that does not parse: Go’s parse error, exit 64', () => {
    expect(run("docker inspect -f '{{.Name' c1")).toMatchObject({
      out: '',
      err: 'template parsing error: template: :1: unclosed action\n',
      exit: 64,
    });
    expect(run("docker inspect -f '{{foo .Name}}' c1").err).toBe(
      'template parsing error: template: :1: function "foo" not defined\n',
    );
  });

  it('if/else, with, pipes and the CLI’s functions', () => {
    expect(run("docker inspect -f '{{if .State.Running}}up{{else}}down{{end}}' c1").out).toBe(
      'up\n',
    );
    expect(run("docker inspect -f '{{with .HostConfig}}{{.NetworkMode}}{{end}}' c1").out).toBe(
      'bridge\n',
    );
    expect(run('docker inspect -f \'{{.Name | upper}} {{join .Config.Cmd ","}}\' c1').out).toBe(
      '/C1 httpd,-f,-p,80\n',
    );
    expect(
      run(`docker inspect -f '{{printf "%s has %d" .Name .NetworkSettings.IPPrefixLen}}' c1`).out,
    ).toBe('/c1 has 16\n');
    expect(
      executeTemplate('{{/* state */}}{{if eq .s "a"}}A{{else if eq .s "b"}}B{{else}}C{{end}}', {
        s: 'b',
      }),
    ).toEqual({ ok: true, text: 'B' });
    expect(executeTemplate('{{if .x}}X{{else if .y}}Y{{else}}Z{{end}}', { x: 0, y: '' })).toEqual({
      ok: true,
      text: 'Z',
    });
    expect(executeTemplate('{{title "hello docker-world"}}', {})).toEqual({
      ok: true,
      text: 'Hello Docker-World',
    });
    expect(executeTemplate('{{.}} {{len .m.k}}', { b: 2, a: 'x', m: { k: [1, 2] } })).toEqual({
      ok: true,
      text: 'map[a:x b:2 m:map[k:[1 2]]] 2',
    });
  });

  it('docker-29: NetworkSettings has no top-level IPAddress (API 1.52), so Go says so', () => {
    const r = on29("docker inspect -f '{{.NetworkSettings.IPAddress}}' c1");
    expect(r.err).toBe(
      'template parsing error: template: :1:2: executing "" at <.NetworkSettings.IPAddress>: map has no entry for key "IPAddress"\n',
    );
    expect(r.exit).toBe(1);
    expect(
      on29("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' c1").out,
    ).toBe('172.17.0.2\n');
  });
});

describe('inspect keys in the daemon’s struct order', () => {
  const keys = (json: string, path: string[]) => {
    let v = (JSON.parse(json) as unknown[])[0] as Record<string, unknown>;
    for (const k of path) v = v[k] as Record<string, unknown>;
    return Object.keys(v);
  };
  it('docker-27: API 1.47 EndpointSettings and NetworkSettings (moby v27.5.1 api/types)', () => {
    const out = run('docker inspect c1').out;
    expect(keys(out, ['NetworkSettings', 'Networks', 'bridge'])).toEqual([
      ...['IPAMConfig', 'Links', 'Aliases', 'MacAddress', 'DriverOpts', 'NetworkID'],
      ...['EndpointID', 'Gateway', 'IPAddress', 'IPPrefixLen', 'IPv6Gateway'],
      ...['GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'DNSNames'],
    ]);
    expect(keys(out, ['NetworkSettings'])).toContain('IPAddress');
  });
  it('docker-29: GwPriority, MacAddress after IPAddress; NetworkSettings is four keys', () => {
    const out = on29('docker inspect c1').out;
    expect(keys(out, ['NetworkSettings', 'Networks', 'bridge'])).toEqual([
      ...['IPAMConfig', 'Links', 'Aliases', 'DriverOpts', 'GwPriority', 'NetworkID'],
      ...['EndpointID', 'Gateway', 'IPAddress', 'MacAddress', 'IPPrefixLen', 'IPv6Gateway'],
      ...['GlobalIPv6Address', 'GlobalIPv6PrefixLen', 'DNSNames'],
    ]);
    expect(keys(out, ['NetworkSettings'])).toEqual([
      'SandboxID',
      'SandboxKey',
      'Ports',
      'Networks',
    ]);
  });
});

describe('docker network inspect -f', () => {
  it('runs the template on each network (docs: network inspect)', () => {
    expect(
      run(
        "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' bridge",
      ).out,
    ).toBe('172.17.0.0/16 172.17.0.1\n');
    expect(run("docker network inspect --format '{{.Name}} {{.Driver}}' bridge host").out).toBe(
      'bridge bridge\nhost host\n',
    );
    expect(
      run(
        "docker network inspect -f '{{range .Containers}}{{.Name}}={{.IPv4Address}} {{end}}' bridge",
      ).out,
    ).toMatch(
      /^(c1=172\.17\.0\.2\/16 c2=172\.17\.0\.3\/16 |c2=172\.17\.0\.3\/16 c1=172\.17\.0\.2\/16 )\n$/,
    );
  });
});

describe('docker ps', () => {
  it('--format over each row, newest first; a custom format beats -q', () => {
    expect(run("docker ps --format '{{.Names}} {{.Image}}'").out).toBe('c2 busybox\nc1 busybox\n');
    expect(run("docker ps -q --format '{{.Names}}'").out).toBe('c2\nc1\n');
  });

  it('-l and -n N are the last created, -q and --no-trunc the IDs', () => {
    const w = referenceHost();
    const ids = w.containers.map((c) => c.id);
    expect(run('docker ps -lq').out).toBe(`${(ids[1] ?? '').slice(0, 12)}\n`);
    expect(run('docker ps -q --no-trunc').out).toBe(`${ids[1] ?? ''}\n${ids[0] ?? ''}\n`);
    expect(run('docker ps -n 2 -q').out.split('\n')).toHaveLength(3);
  });

  it('table adds the CLI’s headers, laid out by the tabwriter', () => {
    expect(run("docker ps --format 'table {{.Names}}\\t{{.Status}}'").out).toMatch(
      /^NAMES {5}STATUS\nc2 {8}Up /,
    );
    expect(run("docker ps --format 'table {{.ID}}\\t{{.Networks}}\\t{{.State}}'").out).toMatch(
      /^CONTAINER ID {3}NETWORKS {3}STATE\n[0-9a-f]{12} {3}bridge {5}running\n/,
    );
  });

  it('an unknown field is Go’s "can’t evaluate field" on the formatter’s type, exit 1', () => {
    expect(run("docker ps --format '{{.Foo}}'")).toMatchObject({
      out: '',
      err: 'template parsing error: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext\n',
      exit: 1,
    });
  });

  it('json: every field of the row, keys sorted', () => {
    const row = JSON.parse(run('docker ps --format json -l').out) as Record<string, string>;
    expect(Object.keys(row)).toEqual([
      ...['Command', 'CreatedAt', 'ID', 'Image', 'Labels', 'LocalVolumes', 'Mounts', 'Names'],
      ...['Networks', 'Ports', 'RunningFor', 'Size', 'State', 'Status'],
    ]);
    expect(row).toMatchObject({ Names: 'c2', Command: '"sh"', Size: '0B', State: 'running' });
  });
});

describe('docker ps --filter (moby daemon/list.go)', () => {
  const names = (line: string) => run(`${line} --format '{{.Names}}'`).out;
  it('name (a regexp), id (prefix), ancestor, network, publish, expose', () => {
    expect(names('docker ps -f name=c1')).toBe('c1\n');
    expect(names('docker ps -f name=c')).toBe('c2\nc1\n');
    expect(names('docker ps --filter "name=^c2$"')).toBe('c2\n');
    const id = referenceHost().containers[0]?.id.slice(0, 5) ?? '';
    expect(names(`docker ps -f id=${id}`)).toBe('c1\n');
    expect(names('docker ps -f ancestor=busybox')).toBe('c2\nc1\n');
    expect(names('docker ps -f ancestor=nginx')).toBe('');
    expect(names('docker ps -f network=bridge')).toBe('c2\nc1\n');
    expect(names('docker ps -f publish=8080')).toBe('c1\n');
    expect(names('docker ps -f expose=80/tcp')).toBe('c1\n');
    expect(names('docker ps -f label=app')).toBe('');
  });

  it('status lists stopped containers without -a, and checks its value', () => {
    const t = terminalOn(referenceHost());
    t.run('docker stop c2');
    expect(t.run("docker ps -f status=exited --format '{{.Names}}'").out).toBe('c2\n');
    expect(t.run('docker ps -f status=sleeping')).toMatchObject({
      err: "Error response from daemon: invalid filter 'status=sleeping'\n",
      exit: 1,
    });
  });

  it('an unknown key is the daemon’s "invalid filter"; no = is the CLI’s flag error', () => {
    expect(run('docker ps -f foo=bar')).toMatchObject({
      err: "Error response from daemon: invalid filter 'foo'\n",
      exit: 1,
    });
    expect(run('docker ps -f c1')).toMatchObject({
      err: 'invalid argument "c1" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee \'docker ps --help\'.\n',
      exit: 125,
    });
  });
});

describe('docker network ls (daemon/network/filter.go, network/formatter.go)', () => {
  const t = () => {
    const term = terminalOn(referenceHost());
    term.run('docker network create app');
    return term;
  };
  it('filters by driver, name, id and type builtin/custom', () => {
    const term = t();
    const ls = (f: string) => term.run(`docker network ls ${f} --format '{{.Name}}'`).out;
    expect(ls('-f driver=bridge')).toBe('app\nbridge\n');
    expect(ls('-f type=custom')).toBe('app\n');
    expect(ls('-f type=builtin')).toBe('bridge\nhost\nnone\n');
    expect(ls('-f name=o')).toBe('host\nnone\n');
    expect(ls('-f dangling=true')).toBe('app\n');
    expect(ls('-f dangling=false')).toBe('bridge\nhost\nnone\n');
    expect(term.run('docker network ls -f type=mine')).toMatchObject({
      err: "Error response from daemon: invalid filter: 'type'='mine'\n",
      exit: 1,
    });
    expect(term.run('docker network ls -f color=red').err).toBe(
      "Error response from daemon: invalid filter 'color'\n",
    );
  });

  it('--format table, -q, --no-trunc', () => {
    const term = t();
    expect(term.run("docker network ls --format 'table {{.Name}}\\t{{.Driver}}'").out).toBe(
      'NAME      DRIVER\napp       bridge\nbridge    bridge\nhost      host\nnone      null\n',
    );
    const full = term.run('docker network ls -q --no-trunc -f name=app').out;
    expect(full).toMatch(/^[0-9a-f]{64}\n$/);
    expect(term.run("docker network ls --format '{{.Nope}}'").err).toBe(
      'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *network.networkContext\n',
    );
  });
});

describe('docker port', () => {
  it('has no --format in either CLI (cli/command/container/port.go defines no flags)', () => {
    expect(run("docker port c1 --format '{{.}}'")).toMatchObject({
      err: "unknown flag: --format\nSee 'docker port --help'.\n",
      exit: 125,
    });
    expect(run('docker port c1 80').out).toBe('0.0.0.0:8080\n[::]:8080\n');
  });
});
