// Where the diagram draws a lesson step's focus. Nothing without a lesson step on screen; the marks
// themselves (and the lessons they read) load with the lessons.
import { lazy, memo, Suspense } from 'react';
import type { DiagramLayout } from '../../layout/diagram';
import { useAppStore } from '../../store/react';

const FocusMarks = lazy(() => import('./FocusMarks').then((m) => ({ default: m.FocusMarks })));

export const LessonFocus = memo(function LessonFocus(props: { layout: DiagramLayout }) {
  const inStep = useAppStore((s) => s.lesson?.phase === 'steps');
  if (!inStep) return null;
  return (
    <Suspense fallback={null}>
      <FocusMarks layout={props.layout} />
    </Suspense>
  );
});
