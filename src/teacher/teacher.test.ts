// Teacher-made lessons: recording through the store's own actions, the file and link formats (round
// trip, each refusal named), and the student's replay through the real terminal.
import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../share';
import { packJson } from '../share/codec';
import { createAppStore, type AppStore } from '../store';
import { pendingQuestion } from '../store/lesson-run';
import type { Flow, IPv4 } from '../sim';
import { decodeLessonFile, decodeLessonLink, encodeLessonFile, encodeLessonLink } from './codec';
import { editStep, toTeacherLesson } from './draft';
import { LESSON_FORMAT, type TeacherLesson } from './format';
import { SHELL } from '../terminal/shell';
import { prepareLesson } from './load';
import { replayTeacherLesson } from './replay';
import { discardRecording, recorder, startRecording, stopRecording } from './recorder';

const CLIENT_HTTP: Flow = {
  from: { kind: 'remote', name: 'client' },
  to: '192.0.2.10' as IPv4,
  kind: 'http',
  port: 8080,
  path: '/',
};

/** A lesson as the recorder writes it: a published nginx, the client's request, a note, two questions. */
const LESSON: TeacherLesson = {
  format: LESSON_FORMAT,
  version: 1,
  title: { en: 'My published port' },
  profile: 'docker-27',
  steps: [
    {
      title: { en: 'Publish', 'zh-CN': '发布' },
      note: { en: 'web listens on 80; we publish 8080.' },
      commands: ['docker run -d --name web -p 8080:80 nginx'],
      question: {
        kind: 'choices',
        text: { en: 'Which port does the client use?' },
        choices: [{ en: '80' }, { en: '8080' }, { en: '443' }],
        answer: 1,
      },
    },
    {
      note: { en: 'Watch the SYN.' },
      commands: [],
      flow: CLIENT_HTTP,
      question: { kind: 'dst-after', at: { packet: 0, hop: 0 } },
    },
  ],
};

/** The hop of the first DNAT in the step's trace, as a teacher picks it on the playback bar. */
function withDnatHop(lesson: TeacherLesson): TeacherLesson {
  const app = createAppStore();
  app.getState().runCommand('docker run -d --name web -p 8080:80 nginx');
  const packets = app.getState().sendFlow(CLIENT_HTTP)!.packets;
  const hop = packets[0]!.hops.findIndex((h) => h.event === 'nat');
  const steps = lesson.steps.map((s, i) =>
    i === 1 ? { ...s, question: { kind: 'dst-after' as const, at: { packet: 0, hop } } } : s,
  );
  return { ...lesson, steps };
}

const refusal = (v: unknown) => {
  const r = prepareOrParse(v);
  return r.ok ? 'accepted' : r.error;
};
function prepareOrParse(v: unknown) {
  const parsed = decodeLessonFile(JSON.stringify(v));
  return parsed.ok ? prepareLesson(parsed.value, SHELL) : parsed;
}

describe('recording a lesson', () => {
  let app: AppStore;
  beforeEach(() => {
    app = createAppStore();
    app.getState().runCommand('docker run -d --name old nginx');
    startRecording(app);
  });

  it('starts from a fresh host and takes the lab-changing lines and flows, each flow closing a step', () => {
    expect(app.getState().world.containers).toEqual([]);
    const s = app.getState();
    s.runCommand('docker run -d --name web -p 8080:80 nginx');
    s.runCommand('docker ps'); // reads only
    s.runCommand('docker run -d --name web nginx'); // refused by Docker: changes nothing
    s.runCommand('lab from client curl -s http://192.0.2.10:8080/');
    s.sendFlow(CLIENT_HTTP); // a click on Send
    s.runCommand('sysctl -w net.ipv4.ip_forward=0');
    const steps = recorder.getState().draft?.steps ?? [];
    expect(steps.map((st) => [st.commands, st.flow?.from])).toEqual([
      [['docker run -d --name web -p 8080:80 nginx'], { kind: 'remote', name: 'client' }],
      [[], { kind: 'remote', name: 'client' }],
      [['sysctl -w net.ipv4.ip_forward=0'], undefined],
    ]);
    stopRecording();
    s.runCommand('docker run -d --name later nginx');
    expect(recorder.getState().draft?.steps.length).toBe(3);
  });

  it('takes a click as the line the terminal echoes for it (the form ran the action first)', () => {
    const s = app.getState();
    const r = s.runContainer({ image: 'nginx', name: 'web', detach: true });
    expect(r.ok).toBe(true);
    s.echoCommand('docker run -d --name web nginx', { chunks: [], exit: 0 });
    expect(recorder.getState().draft?.steps[0]?.commands).toEqual([
      'docker run -d --name web nginx',
    ]);
  });

  it('discarding puts back the lab that was on screen', () => {
    app.getState().runCommand('docker run -d --name web nginx');
    discardRecording(app);
    expect(app.getState().world.containers.map((c) => c.name)).toEqual(['old']);
    expect(recorder.getState().draft).toBeNull();
  });

  it('a recorded draft becomes a lesson that replays the same lab', () => {
    app.getState().runCommand('docker run -d --name web -p 8080:80 nginx');
    app.getState().sendFlow(CLIENT_HTTP)!;
    const d = recorder.getState().draft!;
    expect(toTeacherLesson(d)).toMatchObject({ ok: false, error: /^title: needs text/ });
    const titled = editStep({ ...d, title: { en: '', 'zh-CN': '我的课' } }, 0, {
      note: { en: 'Look', 'zh-CN': '' },
    });
    const t = toTeacherLesson(titled);
    expect(t.ok && t.value).toMatchObject({
      title: { 'zh-CN': '我的课' },
      steps: [{ note: { en: 'Look' }, commands: ['docker run -d --name web -p 8080:80 nginx'] }],
    });
    const lesson = t.ok ? prepareLesson(t.value, SHELL) : t;
    expect(lesson.ok).toBe(true);
    // Written in one language, shown as written in the other.
    if (lesson.ok) expect(lesson.value.title).toEqual({ en: '我的课', 'zh-CN': '我的课' });
  });
});

describe('the lesson file and link', () => {
  it('round-trips through the link and the file', async () => {
    const link = await encodeLessonLink(LESSON);
    expect(link.ok && link.value).toMatch(/^#lesson=[A-Za-z0-9_-]+$/);
    expect(link.ok && (await decodeLessonLink(link.value))).toEqual({ ok: true, value: LESSON });
    expect(decodeLessonFile(encodeLessonFile(LESSON))).toEqual({ ok: true, value: LESSON });
  });

  it('names what is wrong with a bad file', () => {
    const step0 = LESSON.steps[0]!;
    const cases: [unknown, RegExp][] = [
      ['[', /^not valid JSON$/],
      [
        { ...LESSON, format: 'docker-network-lab' },
        /^format: "docker-network-lab" is not a lesson/,
      ],
      [
        { ...LESSON, version: 2 },
        /^version: unsupported version 2: this lab reads lessons of version 1$/,
      ],
      [{ ...LESSON, steps: [] }, /^steps: a lesson needs at least one step$/],
      [{ ...LESSON, extra: 1 }, /^lesson: unknown field "extra"$/],
      [
        { ...LESSON, steps: [{ ...step0, commands: ['rm -rf /'] }] },
        /^steps\[0\]\.commands\[0\]: unknown op "rm"/,
      ],
      [
        { ...LESSON, steps: [{ ...step0, question: { ...step0.question, answer: 3 } }] },
        /^steps\[0\]\.question\.answer: out of range \(0\.\.2\)$/,
      ],
      [
        {
          ...LESSON,
          steps: [
            {
              ...step0,
              question: { kind: 'choices', text: { en: 'Q' }, choices: [{ en: 'a' }], answer: 0 },
            },
          ],
        },
        /^steps\[0\]\.question\.choices: needs at least 2$/,
      ],
      [
        {
          ...LESSON,
          steps: [{ commands: [], question: { kind: 'src-after', at: { packet: 0, hop: 0 } } }],
        },
        /^steps\[0\]\.question: a src-after question needs the step's flow$/,
      ],
      [
        { ...LESSON, steps: [{ ...step0, question: { kind: 'teleport' } }] },
        /^steps\[0\]\.question\.kind: expected one of/,
      ],
      [{ ...LESSON, title: { fr: 'Leçon' } }, /^title: unknown field "fr"$/],
    ];
    for (const [v, error] of cases) {
      const r = typeof v === 'string' ? decodeLessonFile(v) : decodeLessonFile(JSON.stringify(v));
      expect(r.ok ? 'accepted' : r.error, JSON.stringify(v).slice(0, 80)).toMatch(error);
    }
  });

  it('refuses a lesson whose command fails, or leaves the host, naming the command and Docker’s words', () => {
    const clash = {
      ...LESSON,
      steps: [
        {
          commands: [
            'docker run -d --name a -p 8080:80 nginx',
            'docker run -d --name b -p 8080:80 nginx',
          ],
        },
      ],
    };
    expect(refusal(clash)).toMatch(
      /^steps\[0\]\.commands\[1\]: "docker run -d --name b -p 8080:80 nginx" failed: .*Bind for 0\.0\.0\.0:8080 failed: port is already allocated/,
    );
    const inside = { ...LESSON, steps: [{ commands: ['docker run -it --name x busybox sh'] }] };
    expect(refusal(inside)).toMatch(/^steps\[0\]\.commands\[0\]: .* leaves the host's prompt/);
    const noHop = {
      ...LESSON,
      steps: [
        { ...LESSON.steps[1]!, question: { kind: 'dst-after', at: { packet: 0, hop: 999 } } },
      ],
    };
    expect(refusal(noHop)).toMatch(/^steps\[0\]\.question\.at: the flow has no hop 999/);
  });

  it('names a broken or oversized link', async () => {
    const good = await encodeLessonLink(LESSON);
    const data = good.ok ? good.value.slice('#lesson='.length) : '';
    const bad = async (hash: string) => {
      const r = await decodeLessonLink(hash);
      return r.ok ? 'accepted' : r.error;
    };
    expect(
      await bad(`#lesson=${data.slice(0, data.length - 1 - ((data.length - 1) % 4) + 1)}`),
    ).toMatch(/corrupt or truncated/);
    expect(await bad(`#lesson=${data.slice(0, Math.floor(data.length / 2))}`)).toMatch(
      /corrupt|truncated|JSON/,
    );
    expect(await bad('#lesson=%%%')).toMatch(/not valid base64url/);
    expect(await bad('#lab=abc')).toMatch(/no #lesson= part/);
    expect(await bad(`#lesson=${'A'.repeat(LIMITS.fragmentChars + 4)}`)).toMatch(/too long/);
    const bomb = await packJson({ pad: ' '.repeat(LIMITS.jsonBytes + 10) });
    expect(await bad(`#lesson=${bomb}`)).toMatch(/^the lesson is too large once unpacked/);
    expect(decodeLessonFile(' '.repeat(LIMITS.jsonBytes + 1))).toMatchObject({
      error: /too large/,
    });
    const huge = { ...LESSON, steps: Array.from({ length: 41 }, () => LESSON.steps[0]) };
    expect(refusal(huge)).toMatch(/^steps: too many items \(41 > 40\)/);
    // Text that does not compress, at every bound a file allows: too much for a link.
    const noise = (n: number, salt: number) => {
      let x = salt + 1;
      let out = '';
      while (out.length < n) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        out += (x >>> 8).toString(36);
      }
      return out.slice(0, n);
    };
    const tooBig = await encodeLessonLink({
      ...LESSON,
      steps: Array.from({ length: 40 }, (_, i) => ({
        note: { en: noise(4000, i) },
        commands: [],
        question: {
          kind: 'choices' as const,
          text: { en: noise(4000, i + 50) },
          choices: [0, 1, 2, 3].map((c) => ({ en: noise(300, i * 4 + c + 100) })),
          answer: 0,
        },
      })),
    });
    expect(tooBig.ok ? 'fits' : tooBig.error).toMatch(/^the lesson is too large for a link/);
  });
});

describe('playing a teacher lesson', () => {
  it('replays its commands through the terminal and asks the teacher’s question before the flow', () => {
    const prepared = prepareLesson(withDnatHop(LESSON), SHELL);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    const app = createAppStore();
    expect(app.getState().beginLesson(prepared.value.id, 7)).toBe(true);
    const s = app.getState();
    // The command went through the terminal, as typed.
    expect(s.transcript).toContainEqual(
      expect.objectContaining({
        kind: 'prompt',
        command: 'docker run -d --name web -p 8080:80 nginx',
      }),
    );
    expect(s.world.containers.map((c) => c.name)).toEqual(['web']);
    const q = pendingQuestion(s);
    expect(q?.resolved.choices.map((c) => c.label.en).sort()).toEqual(['443', '80', '8080']);
    expect(q?.resolved.answer).toBe('c1');
    expect(app.getState().answerLessonQuestion('c0')).toMatchObject({
      correct: false,
      text: { en: 'The right answer: 8080.' },
    });
    app.getState().nextLessonStep();
    // Step 2: nothing typed, the client's request sent; the engine answers from the trace.
    const q2 = pendingQuestion(app.getState());
    expect(q2?.resolved.answer).toBe('172.17.0.2:80');
    // The student's lab, replayed by the store itself (step 1 quietly), is the replay's world and trace.
    const runs = replayTeacherLesson(withDnatHop(LESSON), SHELL);
    const run = runs.ok ? runs.value[1] : undefined;
    expect(app.getState().packets).toEqual(run?.sim?.packets);
    expect(app.getState().world).toEqual(run?.after);
    expect(app.getState().answerLessonQuestion('172.17.0.2:80')).toMatchObject({ correct: true });
  });

  it('orders the teacher’s choices by the seeded shuffle: stable for a seed, not always as written', () => {
    const prepared = prepareLesson(LESSON, SHELL);
    if (!prepared.ok) throw new Error(prepared.error);
    const order = (seed: number) => {
      const app = createAppStore();
      app.getState().beginLesson(prepared.value.id, seed);
      return pendingQuestion(app.getState())
        ?.resolved.choices.map((c) => c.id)
        .join();
    };
    expect(order(3)).toBe(order(3));
    const orders = new Set(Array.from({ length: 20 }, (_, i) => order(i)));
    expect(orders.size).toBeGreaterThan(1);
  });
});
