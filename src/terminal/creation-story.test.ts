// The creation story's commands against what the lab's own tools print about the same container:
// the veth on the bridge (`brctl show`), the MAC and address (`ip addr` inside), the default route.
import { describe, expect, it } from 'vitest';
import { creationSteps, type Profile } from '../sim';
import { createAppStore } from '../store';

function lab(profile: Profile, lines: readonly string[]) {
  const s = createAppStore();
  s.getState().runCommand(`lab profile ${profile}`);
  for (const l of lines) s.getState().runCommand(l);
  const say = (line: string) =>
    s
      .getState()
      .runCommand(line)
      .chunks.map((c) => c.text)
      .join('');
  return { world: () => s.getState().world, say };
}

const all = (steps: ReturnType<typeof creationSteps>) => (steps ?? []).flatMap((s) => s.commands);
const grab = (cmds: readonly string[], re: RegExp) => {
  const m = cmds.map((c) => re.exec(c)).find((x) => x !== null);
  if (!m) throw new Error(`no command matches ${re}`);
  return m.slice(1);
};

describe('creationSteps', () => {
  for (const profile of ['docker-27', 'docker-29'] as const) {
    it(`names the pair, bridge, MAC, address and gateway the lab shows (${profile})`, () => {
      const l = lab(profile, [
        'docker run -d --name c0 nginx',
        'docker network create mynet',
        'docker run -dit --name c1 --network mynet busybox',
      ]);
      const steps = creationSteps(l.world(), 'c1');
      expect(steps?.map((s) => s.kind)).toEqual(['create', 'join', 'move', 'address']);
      const cmds = all(steps);
      const [host, peer] = grab(
        cmds,
        /^ip link add (veth[0-9a-f]{7}) type veth peer name (veth[0-9a-f]{7})$/,
      );
      expect(peer).not.toBe(host);
      const [bridge] = grab(cmds, new RegExp(`^ip link set ${host} master (\\S+)$`));
      // brctl: the host end is a port of c1's bridge (br-…), not of docker0 where c0 is.
      const brctl = l.say('brctl show');
      expect(bridge).toMatch(/^br-[0-9a-f]{12}$/);
      expect(brctl).toMatch(new RegExp(`^${bridge}\\s.*\\s${host}$`, 'm'));
      expect(cmds).toContain(`ip link set ${peer} netns c1`);
      expect(cmds).toContain(`ip -n c1 link set ${peer} name eth0`);
      const inside = l.say('docker exec c1 ip addr');
      const [mac] = grab(cmds, /^ip -n c1 link set eth0 address (\S+)$/);
      expect(inside).toContain(`link/ether ${mac} brd ff:ff:ff:ff:ff:ff`);
      const [cidr, brd] = grab(cmds, /^ip -n c1 addr add (\S+) brd (\S+) dev eth0$/);
      expect(inside).toContain(`inet ${cidr} brd ${brd} scope global eth0`);
      const [gw] = grab(cmds, /^ip -n c1 route add default via (\S+) dev eth0$/);
      expect(l.say('docker exec c1 ip route')).toMatch(new RegExp(`^default via ${gw} dev eth0`));
      // The route needs the link up and the address on it: up comes before the route.
      const at = (re: RegExp) => cmds.findIndex((c) => re.test(c));
      expect(at(/eth0 up$/)).toBeLessThan(at(/route add default/));
      expect(at(/addr add/)).toBeLessThan(at(/route add default/));
      expect(at(/netns c1$/)).toBeLessThan(at(/name eth0$/));
    });
  }

  it('turns hairpin on only without the userland proxy, as dockerd does', () => {
    const on = lab('docker-27', ['docker run -d --name c1 nginx']);
    expect(all(creationSteps(on.world(), 'c1')).some((c) => c.includes('hairpin'))).toBe(false);
    const off = lab('docker-27', [
      'lab daemon userland-proxy=false',
      'docker run -d --name c1 nginx',
    ]);
    const [host] = grab(all(creationSteps(off.world(), 'c1')), /^ip link add (\S+) type veth/);
    expect(all(creationSteps(off.world(), 'c1'))).toContain(
      `ip link set ${host} type bridge_slave hairpin on`,
    );
  });

  it('has no story for host, none or stopped containers; eth1 gets no default route', () => {
    const l = lab('docker-29', [
      'docker run -d --name h --network host nginx',
      'docker run -d --name n --network none nginx',
      'docker run -d --name s nginx',
      'docker stop s',
      'docker network create other',
      'docker run -d --name c nginx',
      'docker network connect other c',
    ]);
    expect(creationSteps(l.world(), 'h')).toBeNull();
    expect(creationSteps(l.world(), 'n')).toBeNull();
    expect(creationSteps(l.world(), 's')).toBeNull();
    const eth1 = all(creationSteps(l.world(), 'c', 'eth1'));
    expect(eth1).toContain('ip -n c link set eth1 up');
    expect(eth1.some((c) => c.includes('route add default'))).toBe(false);
  });
});
