// `docker run` as a form: name, image, network, published ports. Engine errors sit by their field.
import { useState, type FormEvent } from 'react';
import { IMAGES, parsePortSpecs } from '../../sim';
import { detachedRunOutput, dockerRunLine, type RunLine } from '../../terminal/docker/run-line';
import { useAppStore } from '../../store/react';
import { useT } from '../../hooks/useT';
import { runErrorField, type RunField } from './errorField';
import { Sheet } from './Sheet';

type Errors = Partial<Record<RunField, string>>;

export function RunContainerForm() {
  const networks = useAppStore((s) => s.world.networks);
  const runContainer = useAppStore((s) => s.runContainer);
  const echoCommand = useAppStore((s) => s.echoCommand);
  const close = useAppStore((s) => s.setOpenForm);
  const setLaunched = useAppStore((s) => s.setLaunched);
  const setNotice = useAppStore((s) => s.setNotice);
  const t = useT();
  const [name, setName] = useState('');
  const [image, setImage] = useState('nginx');
  const [network, setNetwork] = useState('bridge');
  const [ports, setPorts] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const specs = ports.split(/[\s,]+/).filter((p) => p !== '');
  // What the form asks for, as the command line the terminal would run to the same container.
  const asked: RunLine = {
    image,
    network,
    publish: specs,
    detach: true,
    interactive: true,
    tty: true,
    ...(name.trim() === '' ? {} : { name: name.trim() }),
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parsePortSpecs(specs);
    if (!parsed.ok) return setErrors({ ports: parsed.error });
    const { publish: _specs, ...opts } = asked;
    const r = runContainer({ ...opts, ports: parsed.value });
    if (!r.ok) {
      const prefix = r.error.source === 'daemon' ? 'Error response from daemon: ' : '';
      return setErrors({ [runErrorField(r.error.message)]: prefix + r.error.message });
    }
    setErrors({});
    // The terminal shows the line as if typed, with what `docker run -d` prints.
    echoCommand(dockerRunLine(asked), { chunks: detachedRunOutput(r.value, r.warnings), exit: 0 });
    setLaunched(r.value.name);
    setNotice({
      kind: 'info',
      text: [
        t('run.started', { name: r.value.name, id: r.value.id.slice(0, 12) }),
        ...r.warnings,
      ].join(' · '),
    });
    close(null);
  };

  const err = (f: RunField) =>
    errors[f] ? (
      <p className="field-error" role="alert" data-testid={`error-${f}`}>
        {errors[f]}
      </p>
    ) : null;

  return (
    <Sheet title={t('run.title')} onClose={() => close(null)} testId="run-form">
      <form onSubmit={submit} className="form" noValidate>
        <label>
          <span>{t('form.name')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('run.namePlaceholder')}
            spellCheck={false}
            autoFocus
          />
        </label>
        {err('name')}
        <label>
          <span>{t('form.image')}</span>
          <select value={image} onChange={(e) => setImage(e.target.value)}>
            {IMAGES.map((i) => (
              <option key={i.name} value={i.name}>
                {i.name}
              </option>
            ))}
          </select>
        </label>
        {err('image')}
        <label>
          <span>{t('form.network')}</span>
          <select value={network} onChange={(e) => setNetwork(e.target.value)}>
            {networks.map((n) => (
              <option key={n.id} value={n.name}>
                {n.name}
                {n.bridge ? ` (${n.bridge.device})` : ''}
              </option>
            ))}
          </select>
        </label>
        {err('network')}
        <label>
          <span>{t('form.publish')}</span>
          <input
            value={ports}
            onChange={(e) => setPorts(e.target.value)}
            placeholder="8080:80"
            spellCheck={false}
          />
        </label>
        {err('ports')}
        {err('form')}
        <p className="cmd-preview" data-testid="run-preview">
          {dockerRunLine(asked)}
        </p>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('run.submit')}
          </button>
        </div>
      </form>
    </Sheet>
  );
}
