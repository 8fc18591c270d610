// docker inspect -f and docker ps --format/-q/-l/-n/--no-trunc on the reference host (c1 nginx
// -p 8080:80 at 172.17.0.2, c2 busybox at 172.17.0.3, c2 created last). Expected texts follow Go's
// text/template on the inspected JSON (a missing key prints `<no value>`, maps range in key order,
// json is compact) and docker/cli's container formatter (custom --format beats -q; `table` adds
// the headers, laid out by its tabwriter).
import { describe, expect, it } from 'vitest';
import { terminalOn } from '../testing/terminal';
import { referenceHost } from '../testing/reference-host';
import { executeTemplate } from './template';

const run = (line: string) => terminalOn(referenceHost()).run(line);

describe('docker inspect -f', () => {
  it('prints a field path per object, a newline after each', () => {
    expect(run("docker inspect -f '{{.NetworkSettings.IPAddress}}' c1").out).toBe('172.17.0.2\n');
    expect(
      run(
        "docker inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' c1 c2",
      ).out,
    ).toBe('172.17.0.2\n172.17.0.3\n');
  });

  it('ranges with $k, $v, prints <no value> for a missing key, and json compactly', () => {
    const r = run(
      "docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.Gateway}}{{end}} {{.Nope}}' c1",
    );
    expect(r).toMatchObject({ out: 'bridge 172.17.0.1 <no value>\n', exit: 0 });
    expect(run("docker inspect -f '{{json .NetworkSettings.Ports}}' c1").out).toBe(
      '{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}]}\n',
    );
  });

  it('says which template constructs are not in the lab', () => {
    const r = run("docker inspect -f '{{if .State.Running}}up{{end}}' c1");
    expect(r.exit).toBe(1);
    expect(r.err).toMatch(/not in this lab/);
  });

  it('follows Go for maps, missing keys and index', () => {
    const data = { b: 2, a: 'x', m: { k: [1, 2] } };
    expect(executeTemplate('{{.}}', data)).toEqual({
      ok: true,
      text: 'map[a:x b:2 m:map[k:[1 2]]]',
    });
    expect(executeTemplate('{{index .m "k"}} {{.m.z}}', data)).toEqual({
      ok: true,
      text: '[1 2] <no value>',
    });
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

  it('table adds the headers, laid out by the tabwriter', () => {
    expect(run("docker ps --format 'table {{.Names}}\\t{{.Status}}'").out).toMatch(
      /^NAMES {5}STATUS\nc2 {8}Up /,
    );
  });
});
