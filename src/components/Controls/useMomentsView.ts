// Whether the hop list and the step keys go by key moment: the user's choice, else on while
// presenting or in a lesson (a class follows the story, not every hop).
import { useLab } from '../Lesson/useLab';
import { useUi } from '../../hooks/useUi';

export function useMomentsView(): readonly [boolean, (on: boolean) => void] {
  const chosen = useUi((s) => s.momentsView);
  const presenting = useUi((s) => s.presenting);
  const set = useUi((s) => s.setMomentsView);
  const inLesson = useLab((s) => s.lesson !== null);
  return [chosen ?? (presenting || inLesson), set] as const;
}
