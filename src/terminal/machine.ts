// The lab's Docker host as a machine: what `docker info` reports of it (and any later `uname` or
// /proc/meminfo should print the same). One place, so the commands that print them agree.
// A Debian 12 (bookworm) virtual machine, as the tools the terminal imitates are bookworm's
// (iproute2 6.1.0, iptables 1.8.9; the reference captures were recorded on Debian 12.11): its
// kernel is Debian's 6.1 series (package ABI 6.1.0-N-amd64), booted with cgroup v2 and systemd,
// AppArmor on (Debian's default). Not captured from one machine: the ABI number, memory size and
// CPU count are those of a plausible classroom VM, chosen once here.
export const MACHINE = {
  kernelRelease: '6.1.0-37-amd64',
  /**
   * `uname -v` of that kernel: Debian's linux 6.1.140-1 built 2025-05-22, as Debian 12 machines
   * running 6.1.0-37-amd64 print it (`Linux HOST 6.1.0-37-amd64 #1 SMP PREEMPT_DYNAMIC Debian
   * 6.1.140-1 (2025-05-22) x86_64 GNU/Linux`, in many public logs of `uname -a` and ssh banners).
   */
  kernelVersion: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22)',
  operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
  architecture: 'x86_64',
  cpus: 2,
  /** MemTotal of /proc/meminfo, in bytes (4,011,340 kB). */
  memTotal: 4_011_340 * 1024,
  cgroupVersion: '2',
  /** dockerd picks systemd's cgroup driver on a cgroup v2 host run by systemd. */
  cgroupDriver: 'systemd',
  appArmor: true,
} as const;
