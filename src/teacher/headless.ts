// The lab's own shell on a world of its own, for replaying a teacher's lesson before anything on
// screen changes. The same operations as the store's actions (the sim's worldOps, which the world
// slice applies too), the same clock second per line as the terminal slice; kept apart from the
// store so this lazy code does not pull the store's construction out of the first download
// (measured: +2.2 KB initial JS). The unit test checks that a student's lab, replayed by the store
// itself, ends in the same world and trace.
import { advanceClock, createWorld, simulate, worldOps, type SimResult, type World } from '../sim';
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
    // No playback here: a background capture would never print, so none is kept.
    captures: () => [],
    startCapture: () => {},
    resetWorld: (o) => {
      world = createWorld(o);
      location = HOST;
    },
    // The same mapping of ShellApi onto the sim's operations as the store's world slice.
    ...worldOps(
      () => world,
      (w) => void (world = w),
    ),
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
