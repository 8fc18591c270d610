export type { Scenario, Step } from './types';
export { buildScenario } from './build';
export { SCENARIOS, findScenario } from './catalogue';
