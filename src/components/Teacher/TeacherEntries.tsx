// The lesson menu's "Your own lessons": record one (or go back to the recording), or open a
// lesson file a teacher shared. Their code loads on the click.
import { useRef } from 'react';
import { useStore } from 'zustand';
import type { Lang } from '../../i18n/locale';
import { useAppStoreApi } from '../../store/react';
import { recorder, startRecording } from '../../teacher/recorder';
import { useAppStore } from '../../store/react';
import { teacherText } from './strings';

export function TeacherEntries(props: { lang: Lang }) {
  const { lang } = props;
  const app = useAppStoreApi();
  const setView = useAppStore((s) => s.setLessonView);
  const drafting = useStore(recorder, (s) => s.draft !== null);
  const file = useRef<HTMLInputElement>(null);
  const record = () => {
    if (!drafting) startRecording(app);
    setView('record');
  };
  return (
    <>
      <h3>{teacherText(lang, 'yours')}</h3>
      <div className="teacher-entries">
        <button
          type="button"
          className="lesson-entry record"
          onClick={record}
          data-testid="record-lesson"
        >
          <span className="lesson-num rec" aria-hidden>
            ●
          </span>
          <span className="lesson-entry-text">
            <span className="lesson-entry-title">
              {teacherText(lang, drafting ? 'resume' : 'record')}
            </span>
            <span className="lesson-entry-sum">{teacherText(lang, 'recordHint')}</span>
          </span>
        </button>
        <button
          type="button"
          className="ghost"
          onClick={() => file.current?.click()}
          data-testid="open-lesson-file"
        >
          {teacherText(lang, 'openFile')}
        </button>
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void import('./open').then((m) => m.openLessonFile(app, f));
          }}
          data-testid="lesson-file-input"
        />
      </div>
    </>
  );
}
