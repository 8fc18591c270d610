// The list to choose from: the four guided lessons, the failure labs, and compare mode.
import { LESSONS, type Lesson } from '../../lessons';
import type { Lang } from '../../i18n/locale';
import { ChallengeList } from '../Challenge/ChallengeList';
import { TeacherEntries } from '../Teacher/TeacherEntries';
import { RichText } from './RichText';
import { lessonText, useLessonLang } from './strings';
import { useAppStore } from '../../store/react';

function Entry(props: {
  lesson: Lesson;
  n: number | null;
  lang: Lang;
  onOpen: (id: string) => void;
}) {
  const { lesson, lang } = props;
  return (
    <li>
      <button
        type="button"
        className={`lesson-entry ${lesson.kind}`}
        onClick={() => props.onOpen(lesson.id)}
        data-testid={`lesson-${lesson.id}`}
      >
        {props.n !== null && (
          <span className="lesson-num" aria-hidden>
            {props.n}
          </span>
        )}
        <span className="lesson-entry-text">
          <span className="lesson-entry-title">
            <RichText text={lesson.title[lang]} />
          </span>
          <span className="lesson-entry-sum">
            <RichText text={lesson.summary[lang]} />
          </span>
        </span>
      </button>
    </li>
  );
}

export function LessonMenu() {
  const lang = useLessonLang();
  const begin = useAppStore((s) => s.beginLesson);
  const setView = useAppStore((s) => s.setLessonView);
  const guided = LESSONS.filter((l) => l.kind === 'lesson');
  const labs = LESSONS.filter((l) => l.kind === 'failure-lab');
  const open = (id: string) => void begin(id);
  return (
    <nav className="lesson-menu" aria-label={lessonText(lang, 'panel')}>
      <h3>{lessonText(lang, 'guided')}</h3>
      <ol className="lesson-list">
        {guided.map((l, i) => (
          <Entry key={l.id} lesson={l} n={i + 1} lang={lang} onOpen={open} />
        ))}
      </ol>
      <h3>{lessonText(lang, 'compare')}</h3>
      <button
        type="button"
        className="lesson-entry compare"
        onClick={() => setView('compare')}
        data-testid="open-compare"
      >
        <span className="lesson-num" aria-hidden>
          ⇄
        </span>
        <span className="lesson-entry-text">
          <span className="lesson-entry-title">bridge · host · none</span>
          <span className="lesson-entry-sum">{lessonText(lang, 'compareHint')}</span>
        </span>
      </button>
      <h3>{lessonText(lang, 'labs')}</h3>
      <ul className="lesson-list labs">
        {labs.map((l) => (
          <Entry key={l.id} lesson={l} n={null} lang={lang} onOpen={open} />
        ))}
      </ul>
      <ChallengeList />
      <TeacherEntries lang={lang} />
    </nav>
  );
}
