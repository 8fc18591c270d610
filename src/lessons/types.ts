// Lessons as data: steps with a setup, a flow, a focus, and questions whose answers come from the engine.
import type { Profile } from '../sim';
import type { Flow } from '../sim';
import type { Step as ScenarioStep } from '../scenarios';
import type { Lang } from '../i18n/locale';
import type { Focus } from './focus';
import type { HopSelector, PacketRef } from './selector';

/** Every piece of lesson text exists in every language (the type makes a missing one a build error). */
export type Text = { readonly [L in Lang]: string };

/** One change to the world: a scenario step, shown to the student as its terminal command. */
export type SetupAction =
  | {
      readonly op: ScenarioStep;
      /** 'error': this step shows Docker refusing (e.g. a host-port clash); the world stays unchanged. */
      readonly expect?: 'ok' | 'error';
    }
  /**
   * A line as a teacher typed it at the host's prompt (src/teacher): the terminal itself replays
   * it, so a teacher's lesson does exactly what the lab does. Its runs come from that replay.
   */
  | { readonly line: string };

export interface Choice {
  /** The value itself ('172.17.0.2:80', 'host/docker0', 'nat/DOCKER', 'yes'…). */
  readonly id: string;
  readonly label: Text;
}

/**
 * What is asked. Trace questions name a hop with a selector; the choices and the answer are read
 * from the trace when the step runs. World questions read the world after the setup. Only `fact`
 * carries a fixed answer, for ideas no trace shows (where a sysctl lives, say).
 */
export type Ask =
  | { readonly kind: 'next-iface'; readonly hop: HopSelector }
  | { readonly kind: 'next-node'; readonly hop: HopSelector }
  | { readonly kind: 'dst-after'; readonly hop: HopSelector }
  | { readonly kind: 'src-after'; readonly hop: HopSelector }
  | { readonly kind: 'deciding-chain'; readonly hop: HopSelector }
  | { readonly kind: 'bridge-action'; readonly hop: HopSelector }
  | { readonly kind: 'nat-by'; readonly hop: HopSelector }
  | { readonly kind: 'ct-state'; readonly hop: HopSelector }
  | { readonly kind: 'arrives'; readonly packet?: PacketRef }
  | { readonly kind: 'ifaces'; readonly container: string }
  | { readonly kind: 'gateway'; readonly container: string }
  | { readonly kind: 'setup'; readonly action: number }
  | {
      readonly kind: 'fact';
      readonly question: Text;
      readonly choices: readonly Choice[];
      readonly answer: string;
    };

/** A wrong answer learners really give, and why it is wrong: shown once the question is answered. */
export interface Mistake {
  /** A choice id of the ask's kind ('host/docker0', 'filter/INPUT', '192.0.2.10:8080', 'rule'…). */
  readonly id: string;
  readonly why: Text;
}

export interface Prediction {
  /** Unique within its lesson. */
  readonly id: string;
  readonly ask: Ask;
  /** Overrides the question the ask kind would pose. Names the packet and its point in the path. */
  readonly question?: Text;
  /**
   * The distractors. The choices are the right answer plus these (one equal to the right answer on
   * some profile is left out there), so every wrong choice on screen comes with its why.
   */
  readonly mistakes?: readonly Mistake[];
  /**
   * Where playback stops to ask (default: the hop just before the answer's). A hop whose narration
   * would say the answer (a route naming the outgoing device) must come after the stop.
   */
  readonly askBefore?: HopSelector;
  /** Feedback; `{answer}` is filled with the right answer. */
  readonly right: Text;
  readonly wrong: Text;
}

export interface LessonStep {
  readonly id: string;
  readonly title: Text;
  /** What the step sets up: shown with its questions, so it never states their answers. */
  readonly body: Text;
  /** The explanation: shown once every prediction of the step is answered or revealed. */
  readonly explain?: Text;
  /** Start over from a freshly started host before this step's setup. */
  readonly reset?: boolean;
  readonly setup: readonly SetupAction[];
  /** Read-only commands worth typing at this step (`docker network ls`, `ip route`…), run on the host. */
  readonly explore?: readonly string[];
  readonly flow?: Flow;
  /** Where to look on the diagram; a teacher's step has none (its note says where). */
  readonly focus?: Focus;
  /** Asked before the hop they name is shown. */
  readonly predictions?: readonly Prediction[];
}

/** A question at the end of a lesson, resolved against one of its steps. */
export interface Check {
  /** Index of the step whose world and trace answer it. */
  readonly step: number;
  readonly prediction: Prediction;
}

export interface Lesson {
  readonly id: string;
  readonly kind: 'lesson' | 'failure-lab';
  readonly title: Text;
  readonly summary: Text;
  /** The iptables layouts the lesson is true for (default: both). */
  readonly profiles?: readonly Profile[];
  readonly steps: readonly LessonStep[];
  readonly checks: readonly Check[];
}
