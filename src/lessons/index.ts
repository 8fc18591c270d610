// Guided lessons as data plus the pure player: setups, flows, focus, and predictions read from the engine.
export type * from './types';
export type { Focus, FocusTarget, Hook, TableName } from './focus';
export { parseFocus, focusExists } from './focus';
export type { HopMatch, HopRef, HopSelector, PacketRef } from './selector';
export { selectHop, hopMatches, resolvePacket, hopAt } from './selector';
export { commandFor, setupLine } from './commands';
export {
  runLesson,
  runLessonStep,
  runStepFrom,
  LessonSetupError,
  type ActionResult,
  type StepRun,
} from './run';
export {
  resolvePrediction,
  MAX_CHOICES,
  type ResolvedPrediction,
  type Resolution,
} from './resolve';
export {
  startLesson,
  nextStep,
  prevStep,
  goToStep,
  pendingPrediction,
  stepExplained,
  answerPrediction,
  revealPrediction,
  answerCheck,
  score,
  predictionKey,
  checkKey,
  type Answer,
  type Feedback,
  type LessonState,
} from './state';
export { LESSONS, findLesson } from './catalogue';
export { addExtraLesson, extraSource, EXTRA_PREFIX } from './extra';
export { orderChoices } from './shuffle';
export { COMPARE_LANES, runCompare, type CompareLane, type LaneRun, type Mode } from './compare';
