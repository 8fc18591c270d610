// Every lesson in teaching order: the article's four parts, then the failure labs.
import { extraLesson } from '../extra';
import type { Lesson } from '../types';
import { LAB_IP_FORWARD, LAB_NONE, LAB_NO_PUBLISH, LAB_PORT_CLASH } from './failures-reach';
import { LAB_DIRECT, LAB_ICC, LAB_ISOLATED } from './failures-isolation';
import { LESSON_MODES } from './l1-modes';
import { LESSON_VETH } from './l2-veth';
import { LESSON_INBOUND } from './l3-inbound';
import { LESSON_OUTBOUND } from './l4-outbound';

export const LESSONS: readonly Lesson[] = [
  LESSON_MODES,
  LESSON_VETH,
  LESSON_INBOUND,
  LESSON_OUTBOUND,
  LAB_NO_PUBLISH,
  LAB_IP_FORWARD,
  LAB_NONE,
  LAB_PORT_CLASH,
  LAB_ISOLATED,
  LAB_ICC,
  LAB_DIRECT,
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id) ?? extraLesson(id);
}
