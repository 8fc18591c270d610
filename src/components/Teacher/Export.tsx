// The recorded lesson checked as a student's lab will play it (replayed through the terminal), then
// offered as a file and a link; or what is still wrong, in the parser's or the replay's own words.
import { use, useEffect, useMemo, useState } from 'react';
import { useLang } from '../../hooks/useT';
import { useAppStoreApi } from '../../store/react';
import { encodeLessonFile, encodeLessonLink, LESSON_FILE_SUFFIX } from '../../teacher/codec';
import { toTeacherLesson, type Draft } from '../../teacher/draft';
import { prepareLesson } from '../../teacher/load';
import { downloadBlob } from '../Share/export';
import { teacherText } from './strings';

/** The lab's shell, for the replay: here already (the lesson drawer waited for it), fetched once. */
let shell: ReturnType<typeof loadShell> | null = null;
const loadShell = () => import('../../terminal/shell').then((m) => m.SHELL);

export function Export(props: { draft: Draft }) {
  const app = useAppStoreApi();
  const lang = useLang();
  const SHELL = use((shell ??= loadShell()));
  const checked = useMemo(() => {
    const file = toTeacherLesson(props.draft);
    if (!file.ok) return file;
    const lesson = prepareLesson(file.value, SHELL);
    return lesson.ok ? { ok: true as const, file: file.value, lesson: lesson.value } : lesson;
  }, [props.draft, SHELL]);
  // The link of this very check (an older one's link never shows for a newer draft).
  const [made, setMade] = useState<{ of: unknown; link: string | null; error: string }>();
  const [status, setStatus] = useState('');
  useEffect(() => {
    let live = true;
    if (checked.ok)
      void encodeLessonLink(checked.file).then((r) => {
        if (!live) return;
        const base = `${window.location.origin}${window.location.pathname}`;
        setMade({
          of: checked,
          link: r.ok ? `${base}${r.value}` : null,
          error: r.ok ? '' : r.error,
        });
      });
    return () => {
      live = false;
    };
  }, [checked]);
  const link = made?.of === checked ? made.link : null;
  if (!checked.ok)
    return (
      <p className="rec-refused" role="alert" data-testid="rec-error">
        {teacherText(lang, 'refused', { reason: checked.error })}
      </p>
    );
  const name = `${(checked.file.title.en ?? 'lesson').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}${LESSON_FILE_SUFFIX}`;
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setStatus(teacherText(lang, 'copied'));
    } catch {
      setStatus(teacherText(lang, 'copyBelow'));
    }
  };
  return (
    <div className="rec-export" data-testid="rec-export">
      <p>{teacherText(lang, 'ready', { steps: checked.file.steps.length })}</p>
      <div className="rec-actions">
        <button
          type="button"
          onClick={() =>
            downloadBlob(
              new Blob([encodeLessonFile(checked.file)], { type: 'application/json' }),
              name,
            )
          }
          data-testid="rec-download"
        >
          {teacherText(lang, 'download')}
        </button>
        <button type="button" onClick={() => void copy()} disabled={!link} data-testid="rec-copy">
          {teacherText(lang, 'copyLink')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => app.getState().beginLesson(checked.lesson.id)}
          data-testid="rec-try"
        >
          {teacherText(lang, 'tryIt')}
        </button>
      </div>
      <input
        type="text"
        readOnly
        value={link ?? ''}
        aria-label={teacherText(lang, 'linkLabel')}
        onFocus={(e) => e.target.select()}
        data-testid="rec-link"
      />
      {(status || (made?.of === checked && made.error)) && (
        <p role="status">{status || made?.error}</p>
      )}
    </div>
  );
}
