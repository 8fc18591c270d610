// World questions: answered from the world after a step's setup, and from what its actions returned.
import { HOST_STACK, SETUP_OUTCOMES, valueChoice } from './labels';
import type { StepRun } from './run';
import type { Ask, Choice } from './types';

export function worldAsk(
  ask: Ask,
  run: StepRun,
): { answer: Choice; candidates: readonly Choice[]; detail: string | null } | string {
  const w = run.world;
  switch (ask.kind) {
    case 'ifaces': {
      const c = w.containers.find((x) => x.name === ask.container);
      if (!c) return `no container ${ask.container}`;
      const own = ['lo', ...c.endpoints.map((e) => e.ifName)].join(' + ');
      const answer = c.mode.kind === 'host' ? HOST_STACK : valueChoice(own);
      return {
        answer,
        candidates: ['lo', 'lo + eth0', 'lo + eth0 + eth1'].map(valueChoice).concat(HOST_STACK),
        detail: null,
      };
    }
    case 'gateway': {
      const c = w.containers.find((x) => x.name === ask.container);
      const ep = c?.endpoints[0];
      if (!c || !ep) return `container ${ask.container} has no bridge endpoint`;
      const candidates = [w.host.eth0.ip, w.router.ip, ep.ip].map(valueChoice);
      return { answer: valueChoice(ep.gateway), candidates, detail: null };
    }
    case 'setup': {
      const a = run.actions[ask.action];
      if (!a) return `no setup action ${ask.action}`;
      const id = !a.ok ? 'error' : a.warnings.length > 0 ? 'warning' : 'ok';
      const answer = SETUP_OUTCOMES.find((c) => c.id === id) ?? SETUP_OUTCOMES[0]!;
      return {
        answer,
        candidates: [...SETUP_OUTCOMES],
        detail: a.error ?? (a.warnings.length > 0 ? a.warnings.join('\n') : null),
      };
    }
    default:
      return `not a world question: ${ask.kind}`;
  }
}
