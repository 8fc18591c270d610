// inet_select_addr: the address MASQUERADE gives a packet leaving a device. Pure, read-only.
import { cidr, inCidr, networkOf, type IPv4 } from '../addr';
import type { NsInfo } from './topology';

const LO_NET = cidr('127.0.0.0/8');

/** 127/8 is scope host; every other address the lab assigns is scope universe. */
const universe = (a: { readonly ip: IPv4 }) => !inCidr(a.ip, LO_NET);

/**
 * The address the kernel picks on `dev` toward `nextHop` at scope universe: the device's address
 * on the next hop's subnet, else its first one; a device with none (lo has only 127.0.0.1)
 * borrows the first universe address of the namespace's devices in their order (eth0 before
 * docker0 on a Docker host). Null when the namespace has none: MASQUERADE then drops.
 */
export function selectAddress(info: NsInfo, dev: string, nextHop: IPv4): IPv4 | null {
  const own = (info.devices.get(dev)?.addrs ?? []).filter(universe);
  const onLink = own.find((a) =>
    inCidr(nextHop, { address: networkOf(a.ip, a.prefix), prefix: a.prefix }),
  );
  const pick = onLink ?? own[0];
  if (pick) return pick.ip;
  for (const i of info.devices.values()) {
    const a = i.addrs.find(universe);
    if (a) return a.ip;
  }
  return null;
}
