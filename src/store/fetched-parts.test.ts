// The store as the browser makes it: the packet walk, the shell and the lesson engine arrive after it is made.
import { describe, expect, it } from 'vitest';
import type { Shell } from '../terminal/api';
import { SHELL } from '../terminal/shell';
import { createAppStore, renderTranscript } from './index';
import { createWorld, simulate } from '../sim';
import { createLabStore } from './create';
import { inOrder } from './in-order';
import { atHand, onFirstNeed, type Late } from './late';
import { LESSON_ENGINE } from './lesson-engine';
import type { LessonEngine } from './lesson-slice';
import type { Simulate } from './types';
import { buildScenario, findScenario } from '../scenarios';

/** A part that arrives when the test says so (or fails to). */
function gated<T>(value: T): { part: Late<T>; arrive(): void; fail(): void } {
  let open: () => void = () => undefined;
  let shut: () => void = () => undefined;
  const gate = new Promise<void>((resolve, reject) => {
    open = resolve;
    shut = () => reject(new Error('offline'));
  });
  return { part: onFirstNeed(() => gate.then(() => value)), arrive: open, fail: shut };
}

const LINES = ['docker network ls', 'docker run -d --name web -p 8080:80 nginx', 'docker ps', ''];

describe('a store whose shell is fetched', () => {
  it('runs lines entered before the shell arrives, in order, exactly as a headless store does', async () => {
    const shell = gated<Shell>(SHELL);
    const store = createLabStore(
      {},
      { shell: shell.part, lessons: atHand(LESSON_ENGINE), walk: atHand(simulate) },
    );
    const runs = LINES.map((l) => store.getState().enterCommand(l));
    expect(store.getState().transcript).toEqual([]);
    shell.arrive();
    const done = await Promise.all(runs);
    const headless = createAppStore();
    for (const l of LINES) headless.getState().runCommand(l);
    expect(renderTranscript(store.getState().transcript)).toBe(
      renderTranscript(headless.getState().transcript),
    );
    expect(store.getState().history).toEqual(headless.getState().history);
    // Each run saw the store just before and just after its own line.
    expect(done[1]?.before.world.containers.map((c) => c.name)).not.toContain('web');
    expect(done[1]?.after.world.containers.map((c) => c.name)).toContain('web');
    expect(done[2]?.output.chunks[0]?.text).toMatch(/^CONTAINER ID/);
  });

  it('completes nothing and refuses runCommand until the shell is here, then both work', async () => {
    const shell = gated<Shell>(SHELL);
    const store = createLabStore(
      {},
      { shell: shell.part, lessons: atHand(LESSON_ENGINE), walk: atHand(simulate) },
    );
    expect(store.getState().completeCommand('dock', 4)).toEqual({
      candidates: [],
      line: 'dock',
      cursor: 4,
    });
    expect(() => store.getState().runCommand('docker ps')).toThrow(/has not loaded/);
    shell.arrive();
    await shell.part.load();
    expect(store.getState().completeCommand('dock', 4).line).toBe('docker ');
    expect(store.getState().runCommand('docker ps').exit).toBe(0);
  });

  it('says so in the transcript when the shell cannot be fetched', async () => {
    const shell = gated<Shell>(SHELL);
    const store = createLabStore(
      {},
      { shell: shell.part, lessons: atHand(LESSON_ENGINE), walk: atHand(simulate) },
    );
    const run = store.getState().enterCommand('docker ps');
    shell.fail();
    expect((await run).output.exit).toBe(126);
    expect(renderTranscript(store.getState().transcript)).toMatch(
      /docker ps\nsh: the commands could not be loaded/,
    );
  });
});

describe('a store whose lesson engine is fetched', () => {
  it('does nothing with lessons until loadLessons resolves, then plays them', async () => {
    const lessons = gated<LessonEngine>(LESSON_ENGINE);
    const store = createLabStore(
      {},
      { shell: atHand(SHELL), lessons: lessons.part, walk: atHand(simulate) },
    );
    expect(store.getState().beginLesson('modes')).toBe(false);
    expect(store.getState().lesson).toBeNull();
    const loading = store.getState().loadLessons();
    expect(store.getState().loadLessons()).toBe(loading);
    lessons.arrive();
    await loading;
    expect(store.getState().beginLesson('modes')).toBe(true);
    expect(store.getState().lesson).toMatchObject({ lessonId: 'modes', step: 0 });
  });

  it('reopens a saved lesson at its step over the lab it came with, typing nothing', () => {
    const store = createAppStore({ world: createWorld({ profile: 'docker-29' }) });
    expect(store.getState().resumeLesson('inbound', 2)).toBe(true);
    expect(store.getState()).toMatchObject({
      lesson: { lessonId: 'inbound', step: 2, phase: 'steps' },
      lessonView: 'lesson',
      world: { profile: 'docker-29' },
    });
    expect(store.getState().transcript).toEqual([]);
    expect(store.getState().resumeLesson('no-such-lesson', 0)).toBe(false);
  });
});

describe('a store whose packet walk is fetched', () => {
  const lab = () => buildScenario(findScenario('outside-to-published-port')!);
  const CLIENT = findScenario('outside-to-published-port')!.flows[0]!;

  it('sends flows made before the walk arrives once it does, in order with the lines entered', async () => {
    const walk = gated<Simulate>(simulate);
    const store = createLabStore(
      { world: lab() },
      { shell: atHand(SHELL), lessons: atHand(LESSON_ENGINE), walk: walk.part },
    );
    // A preset clicked, then lines typed, then the same preset: each before the walk is here.
    const hopped: number[] = [];
    expect(store.getState().sendFlow(CLIENT, () => store.getState().seek(2))).toBeNull();
    const runs = [store.getState().enterCommand('conntrack -L')];
    runs.push(store.getState().enterCommand('docker stop c1'));
    expect(
      store.getState().sendFlow(CLIENT, () => hopped.push(store.getState().cursor)),
    ).toBeNull();
    expect(store.getState()).toMatchObject({ flow: null, packets: [], transcript: [] });
    walk.arrive();
    await Promise.all(runs);

    // The same actions with the walk at hand, as headless code makes them.
    const headless = createAppStore({ world: lab() });
    const first = headless.getState().sendFlow(CLIENT)!;
    headless.getState().seek(2);
    headless.getState().runCommand('conntrack -L');
    headless.getState().runCommand('docker stop c1');
    const last = headless.getState().sendFlow(CLIENT)!;
    // Checked against Docker: the client reaches c1 through the DNAT (conntrack then lists it), and
    // once c1 is stopped its published port is gone: nothing answers.
    expect(first.result?.kind).toBe('connected');
    expect(renderTranscript(headless.getState().transcript)).toMatch(/dport=8080.*ASSURED/);
    expect(last.result?.kind).not.toBe('connected');

    const s = store.getState();
    expect(renderTranscript(s.transcript)).toBe(renderTranscript(headless.getState().transcript));
    expect(s.result).toEqual(last.result);
    expect(s.packets).toEqual(last.packets);
    expect(s.world).toEqual(headless.getState().world);
    expect(hopped).toEqual([0]);
  });

  it('lands a flow sent before the walk on the hop asked for once it arrives', async () => {
    const walk = gated<Simulate>(simulate);
    const store = createLabStore(
      { world: lab() },
      { shell: atHand(SHELL), lessons: atHand(LESSON_ENGINE), walk: walk.part },
    );
    store.getState().sendFlow(CLIENT, () => store.getState().seek(3));
    expect(store.getState().cursor).toBe(0);
    walk.arrive();
    await walk.part.load();
    expect(store.getState()).toMatchObject({ flow: CLIENT, cursor: 3 });
    expect(store.getState().packets.length).toBeGreaterThan(0);
  });

  it('sends nothing when the walk cannot be fetched; the next flow asks for it again', async () => {
    let fetches = 0;
    let online = false;
    const walk = onFirstNeed(() => {
      fetches++;
      return online ? Promise.resolve(simulate) : Promise.reject(new Error('offline'));
    });
    const store = createLabStore(
      { world: lab() },
      { shell: atHand(SHELL), lessons: atHand(LESSON_ENGINE), walk },
    );
    store.getState().sendFlow(CLIENT);
    await walk.load().catch(() => undefined);
    await Promise.resolve();
    expect(store.getState().flow).toBeNull();
    online = true;
    store.getState().sendFlow(CLIENT);
    await walk.load();
    expect(store.getState().result?.kind).toBe('connected');
    expect(fetches).toBe(2);
  });
});

describe('the queue of actions waiting for a part', () => {
  it('runs the rest when one of them throws, and lets the error out', async () => {
    const part = gated<string>('here');
    const queue = inOrder();
    const ran: string[] = [];
    queue.add(
      [part.part],
      () => ran.push('first'),
      () => ran.push('first failed'),
    );
    queue.add(
      [part.part],
      () => {
        throw new Error('cannot replay');
      },
      () => undefined,
    );
    queue.add(
      [part.part],
      () => ran.push('third'),
      () => ran.push('third failed'),
    );
    const loaded = part.part.load().then(() => undefined);
    const escaped = new Promise<unknown>((resolve) => process.once('unhandledRejection', resolve));
    part.arrive();
    await loaded;
    expect(ran).toEqual(['first', 'third']);
    expect(String(await escaped)).toMatch(/cannot replay/);
    // Nothing waits any more: the next action runs at once.
    queue.add(
      [part.part],
      () => ran.push('fourth'),
      () => undefined,
    );
    expect(ran).toEqual(['first', 'third', 'fourth']);
  });
});
