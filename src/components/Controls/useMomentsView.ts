// Whether the hop list and the step keys go by key moment: the user's choice, else on while
// presenting or in a lesson (a class follows the story, not every hop).
import { useAppStore } from '../../store/react';

export function useMomentsView(): readonly [boolean, (on: boolean) => void] {
  const chosen = useAppStore((s) => s.momentsView);
  const presenting = useAppStore((s) => s.presenting);
  const set = useAppStore((s) => s.setMomentsView);
  const inLesson = useAppStore((s) => s.lesson !== null);
  return [chosen ?? (presenting || inLesson), set] as const;
}
