// Initial state from the URL: ?lab=<scenario>&flow=<preset>&hop=<n>&theme=dark. Tests and lessons link here.
import { buildScenario, findScenario } from '../../scenarios';
import { DEFAULT_PROFILE, profileNamed } from '../../sim';
import { createLabStore, type AppStore, type StoreParts } from '../../store/create';
import type { Lang } from '../../i18n/locale';
import type { Theme } from '../../store/ui-slice';
import { findPreset } from '../Flow/presets';
import { fetchedParts } from './parts';

export const DEFAULT_LAB = 'outside-to-published-port';

export function boot(
  search: string,
  parts: StoreParts = fetchedParts(),
  lang: Lang = 'en',
): { store: AppStore; theme: Theme } {
  const q = new URLSearchParams(search);
  const scenario = findScenario(q.get('lab') ?? DEFAULT_LAB) ?? findScenario(DEFAULT_LAB);
  // ?profile=docker-29, =29 or, in links made before releases named the profiles, =current.
  const profile = profileNamed(q.get('profile')) ?? DEFAULT_PROFILE;
  const theme: Theme = q.get('theme') === 'dark' ? 'dark' : 'light';
  const options = {
    ...(scenario ? { world: buildScenario(scenario, profile) } : {}),
    ui: { theme, lang },
  };
  // The walk, the shell and the lessons load after the first paint (the store takes them when they come).
  const store = createLabStore(options, parts);
  const preset = findPreset(q.get('flow') ?? '');
  const flowIndex = Number(q.get('flow'));
  const flow =
    preset?.flow ??
    (Number.isInteger(flowIndex) && q.get('flow') !== null
      ? scenario?.flows[flowIndex]
      : undefined);
  const hop = Number(q.get('hop'));
  // The walk arrives after the first paint: the flow and its hop are shown once it is here.
  if (flow)
    store.getState().sendFlow(flow, () => {
      if (Number.isInteger(hop) && hop > 0) store.getState().seek(hop - 1);
    });
  return { store, theme };
}
