// The lesson step's focus drawn on the diagram: a dashed ring (and the traced veth cable), labelled.
// Loaded with the lessons (LessonFocus.tsx mounts it only while a lesson step is on screen).
import { useEffect } from 'react';
import { findLesson, parseFocus } from '../../lessons';
import type { DiagramLayout } from '../../layout/diagram';
import { focusMarks } from './focusBoxes';
import { lessonText, useLessonLang } from './strings';
import { useAppStore } from '../../store/react';

const PAD = 9;

export function FocusMarks(props: { layout: DiagramLayout }) {
  const lang = useLessonLang();
  const focus = useAppStore((s) => {
    const l = s.lesson && s.lesson.phase === 'steps' ? findLesson(s.lesson.lessonId) : undefined;
    return l?.steps[s.lesson?.step ?? 0]?.focus ?? null;
  });
  const setPanelTab = useAppStore((s) => s.setPanelTab);
  const target = focus ? parseFocus(focus) : null;
  // Table focuses point at the side panel: open its tab.
  useEffect(() => {
    if (target?.kind === 'conntrack') setPanelTab('conntrack');
    if (target?.kind === 'fdb' || target?.kind === 'neigh') setPanelTab('tables');
    if (target?.kind === 'hook') setPanelTab('netfilter');
  }, [target?.kind, setPanelTab]);
  if (!focus || !target) return null;
  const marks = focusMarks(props.layout, target);
  const first = marks.boxes[0];
  return (
    <g className="lesson-focus" data-testid="lesson-focus" data-focus={focus} aria-hidden>
      {marks.paths.map((d, i) => (
        <path key={`p${i}`} className="lesson-focus-path" d={d} />
      ))}
      {marks.boxes.map((b, i) => (
        <rect
          key={`b${i}`}
          className="lesson-focus-ring"
          x={b.x - PAD}
          y={b.y - PAD}
          width={b.w + 2 * PAD}
          height={b.h + 2 * PAD}
          rx={14}
        />
      ))}
      {first && (
        <g
          className="lesson-focus-tag"
          transform={`translate(${first.x - PAD}, ${first.y - PAD - 30})`}
        >
          <g>
            <rect width={lang === 'en' ? 92 : 70} height={26} rx={13} />
            <text x={lang === 'en' ? 46 : 35} y={18}>
              {lessonText(lang, 'look')}
            </text>
          </g>
        </g>
      )}
    </g>
  );
}
