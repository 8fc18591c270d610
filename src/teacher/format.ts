// A teacher-made lesson as a file or a link: a versioned JSON document of steps, each the commands
// typed at the host's prompt, the flow sent, a note and an optional question. Pure data: the
// parser (parse.ts) checks its shape, the replay (replay.ts) checks that every command still works.
import type { Flow, Profile } from '../sim';

export const LESSON_FORMAT = 'docker-network-lab/lesson';
export const LESSON_VERSION = 1;

/** What a teacher wrote, in one language or both (at least one). The other is shown as written. */
export interface TeacherText {
  readonly en?: string;
  readonly 'zh-CN'?: string;
}

/** The engine-answered kinds a teacher may ask at a hop of the step's flow (src/lessons `Ask`). */
export const HOP_KINDS = ['dst-after', 'src-after', 'next-node', 'deciding-chain'] as const;
export type HopKind = (typeof HOP_KINDS)[number];

export type TeacherQuestion =
  /** The teacher's own question: 2 to 4 choices, `answer` the index of the right one. */
  | {
      readonly kind: 'choices';
      readonly text: TeacherText;
      readonly choices: readonly TeacherText[];
      readonly answer: number;
    }
  /** Answered by the engine from the step's trace, at one hop (packet and hop index). */
  | {
      readonly kind: HopKind;
      readonly at: { readonly packet: number; readonly hop: number };
      readonly text?: TeacherText;
    };

export interface TeacherStep {
  readonly title?: TeacherText;
  readonly note?: TeacherText;
  /** World-changing lines as typed at the host's prompt, replayed by the lab's own terminal. */
  readonly commands: readonly string[];
  readonly flow?: Flow;
  /** Asked before the flow plays (or, for a hop kind, when playback reaches that hop). */
  readonly question?: TeacherQuestion;
}

export interface TeacherLesson {
  readonly format: typeof LESSON_FORMAT;
  readonly version: typeof LESSON_VERSION;
  readonly title: TeacherText;
  /** The iptables layout it was recorded on (`lab profile`): the replay starts from a fresh host of it. */
  readonly profile: Profile;
  readonly steps: readonly TeacherStep[];
}

/** The lab's own bounds on a lesson (generous for a class, small enough that a link cannot hang the page). */
export const LESSON_LIMITS = {
  steps: 40,
  commandsPerStep: 40,
  /** All commands of the lesson together (each is replayed on import). */
  commands: 200,
  titleChars: 200,
  noteChars: 4000,
  choiceChars: 300,
  lineChars: 1000,
  choices: { min: 2, max: 4 },
} as const;

/**
 * The first words of the commands a lesson may replay: the ones that change the lab (docker,
 * iptables, sysctl, the lab's own `lab …`). Anything else is an unknown op.
 */
export const COMMAND_PROGRAMS = ['docker', 'iptables', 'sysctl', 'lab'] as const;
