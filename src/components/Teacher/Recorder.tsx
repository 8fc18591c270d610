// The recorder in the lesson drawer: what has been recorded so far, step by step, with the title,
// notes and questions the teacher writes; then the lesson checked by its replay and exported.
import { useStore } from 'zustand';
import { useLang } from '../../hooks/useT';
import type { Flow } from '../../sim';
import { useAppStoreApi } from '../../store/react';
import { editStep, nextStep, type DraftStep } from '../../teacher/draft';
import {
  discardRecording,
  editDraft,
  isRecording,
  recorder,
  resumeRecording,
  stopRecording,
} from '../../teacher/recorder';
import { Export } from './Export';
import { QuestionEditor } from './QuestionEditor';
import { teacherText } from './strings';
import { TextField } from './TextField';
import './teacher.css';

const source = (f: Flow) => (f.from.kind === 'host' ? 'host' : f.from.name);
const flowLine = (f: Flow) =>
  `${source(f)} → ${f.to}${f.port === undefined ? '' : `:${f.port}`} (${f.kind})`;

function StepCard(props: { step: DraftStep; i: number; last: boolean }) {
  const { step, i } = props;
  const lang = useLang();
  const edit = (patch: Partial<DraftStep>) => editDraft((d) => editStep(d, i, patch));
  return (
    <li className={props.last ? 'rec-step now' : 'rec-step'} data-testid={`rec-step-${i}`}>
      <h4>{teacherText(lang, 'step', { n: i + 1 })}</h4>
      <TextField
        label={teacherText(lang, 'stepTitle')}
        value={step.title}
        lang={lang}
        onChange={(title) => edit({ title })}
        testId={`step-title-${i}`}
      />
      {(step.commands.length > 0 || step.flow) && (
        <ul className="rec-lines">
          {step.commands.map((c, k) => (
            <li key={k}>
              <code>$ {c}</code>
            </li>
          ))}
          {step.flow && (
            <li className="rec-flow" data-testid={`rec-flow-${i}`}>
              <code>⇢ {flowLine(step.flow)}</code>
            </li>
          )}
        </ul>
      )}
      <TextField
        label={teacherText(lang, 'note')}
        value={step.note}
        lang={lang}
        onChange={(note) => edit({ note })}
        testId={`step-note-${i}`}
        multiline
      />
      <QuestionEditor step={step} n={i} lang={lang} onChange={(question) => edit({ question })} />
    </li>
  );
}

export function Recorder() {
  const app = useAppStoreApi();
  const lang = useLang();
  const draft = useStore(recorder, (s) => s.draft);
  const skipped = useStore(recorder, (s) => s.skipped);
  useStore(recorder); // re-render when recording stops or resumes
  if (!draft) return null;
  const on = isRecording();
  const exporting = !on;
  const empty = draft.steps.every((s) => s.commands.length === 0 && !s.flow);
  return (
    <section className="recorder" data-testid="recorder" aria-label={teacherText(lang, 'record')}>
      <p className={on ? 'rec-status on' : 'rec-status'} data-testid="rec-status">
        <span className="rec-dot" aria-hidden />
        {teacherText(lang, on ? 'recording' : 'paused')}
      </p>
      <p className="rec-hint">{teacherText(lang, 'recordingHint')}</p>
      <p className="rec-hint">{teacherText(lang, 'writingIn')}</p>
      <TextField
        label={teacherText(lang, 'lessonTitle')}
        value={draft.title}
        lang={lang}
        onChange={(title) => editDraft((d) => ({ ...d, title }))}
        testId="rec-title"
      />
      {empty && <p className="rec-empty">{teacherText(lang, 'nothingYet')}</p>}
      <ol className="rec-steps">
        {draft.steps.map((s, i) => (
          <StepCard key={i} step={s} i={i} last={on && i === draft.steps.length - 1} />
        ))}
      </ol>
      {skipped.length > 0 && (
        <p className="rec-skipped">{teacherText(lang, 'skipped', { lines: skipped.join('; ') })}</p>
      )}
      <nav className="rec-actions">
        <button
          type="button"
          onClick={() => editDraft(nextStep)}
          disabled={!on}
          data-testid="rec-new-step"
        >
          {teacherText(lang, 'newStep')}
        </button>
        <button
          type="button"
          className="ghost"
          title={teacherText(lang, 'discardHint')}
          onClick={() => discardRecording(app)}
          data-testid="rec-discard"
        >
          {teacherText(lang, 'discard')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => (on ? stopRecording() : resumeRecording(app))}
          data-testid="rec-finish"
        >
          {teacherText(lang, exporting ? 'keepRecording' : 'finish')}
        </button>
      </nav>
      {exporting && <Export draft={draft} />}
    </section>
  );
}
