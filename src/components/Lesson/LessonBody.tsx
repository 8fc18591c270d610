// What the lesson drawer shows: the list, the lesson being played, or compare mode. Fetched with
// the lessons when the drawer first opens; it waits (suspends) until the store's lesson engine is in.
import { lazy, use } from 'react';
import type { LessonView } from '../../store';
import { ChallengePlayer } from '../Challenge/ChallengePlayer';
import { ComparePanel } from '../Compare/ComparePanel';
import { LessonMenu } from './LessonMenu';
import { LessonPlayer } from './LessonPlayer';
import { useAppStore } from '../../store/react';

// The recorder loads when a teacher first opens it.
const Recorder = lazy(() => import('../Teacher/Recorder').then((m) => ({ default: m.Recorder })));

export function LessonBody(props: { view: Exclude<LessonView, 'closed'> }) {
  use(useAppStore((s) => s.loadLessons)());
  return (
    <>
      {props.view === 'menu' && <LessonMenu />}
      {props.view === 'lesson' && <LessonPlayer />}
      {props.view === 'compare' && <ComparePanel />}
      {props.view === 'challenge' && <ChallengePlayer />}
      {props.view === 'record' && <Recorder />}
    </>
  );
}
