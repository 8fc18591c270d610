// The lab's own shell on a world of its own, for replaying a teacher's lesson before anything on
// screen changes. The same operations the store's actions apply (sim), the same clock second per
// line as the terminal slice; kept apart from the store so this lazy code does not pull the store's
// construction out of the first download (measured: +2.2 KB initial JS). The unit test checks that
// a student's lab, replayed by the store itself, ends in the same world and trace.
import {
  addRemote,
  addRouterRoute,
  advanceClock,
  connectNetwork,
  createNetwork,
  createWorld,
  disconnectNetwork,
  editIptables,
  removeContainer,
  removeNetwork,
  removeRemote,
  runContainer,
  setDaemonOptions,
  setHostAddress,
  setSysctl,
  simulate,
  startContainer,
  stopContainer,
  type OpResult,
  type SimResult,
  type World,
} from '../sim';
import {
  HOST,
  type CommandOutput,
  type Location,
  type Shell,
  type ShellApi,
} from '../terminal/api';

export interface Headless {
  world(): World;
  location(): Location;
  run(line: string): CommandOutput;
  send(flow: Parameters<ShellApi['sendFlow']>[0]): SimResult<World>;
}

export function headless(shell: Shell, start: World): Headless {
  let world = start;
  let location: Location = HOST;
  let lastExit = 0;
  let last: ReturnType<ShellApi['lastFlow']> = { packets: [], clock: start.clock };
  const apply = <T>(r: OpResult<T>): OpResult<T> => {
    if (r.ok) world = r.world;
    return r;
  };
  const send: Headless['send'] = (flow) => {
    const r = simulate(world, flow);
    last = { packets: r.packets, clock: world.clock };
    world = r.world;
    return r;
  };
  const api: ShellApi = {
    world: () => world,
    location: () => location,
    history: () => [],
    historyOffset: () => 0,
    lastExit: () => lastExit,
    setLocation: (l) => void (location = l),
    clearTranscript: () => {},
    resetWorld: (o) => {
      world = createWorld(o);
      location = HOST;
    },
    runContainer: (o) => apply(runContainer(world, o)),
    startContainer: (r) => apply(startContainer(world, r)),
    stopContainer: (r, code) => apply(stopContainer(world, r, code)),
    removeContainer: (r, f = false) => apply(removeContainer(world, r, f)),
    createNetwork: (o) => apply(createNetwork(world, o)),
    removeNetwork: (r) => apply(removeNetwork(world, r)),
    connectNetwork: (n, c) => apply(connectNetwork(world, n, c)),
    disconnectNetwork: (n, c) => apply(disconnectNetwork(world, n, c)),
    setDaemonOptions: (p) => apply(setDaemonOptions(world, p)),
    setSysctl: (k, v) => apply(setSysctl(world, k, v)),
    editIptables: (edit) => {
      const r = editIptables(world, edit);
      if (r.ok) world = r.world;
      return r;
    },
    setHostAddress: (a, g) => apply(setHostAddress(world, a, ...(g === undefined ? [] : [g]))),
    addRemote: (o) => apply(addRemote(world, o)),
    removeRemote: (n) => apply(removeRemote(world, n)),
    addRouterRoute: (d, v) => apply(addRouterRoute(world, d, v)),
    sendFlow: send,
    lastFlow: () => last,
  };
  return {
    world: () => world,
    location: () => location,
    run: (line) => {
      const out = shell.executeLine(line, api);
      if (line.trim() !== '') {
        lastExit = out.exit;
        world = advanceClock(world, 1);
      }
      return out;
    },
    send,
  };
}
