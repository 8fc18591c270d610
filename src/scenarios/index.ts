export type { Scenario, Step } from './types';
export { applyStep, buildScenario } from './build';
export { SCENARIOS, findScenario } from './catalogue';
