export type { Scenario, Step } from './types';
export { applyStep, buildScenario } from './build';
export { SCENARIOS, findScenario } from './catalogue';
export { SHOWN_WAIT_S, withShownWait } from './shown-wait';
