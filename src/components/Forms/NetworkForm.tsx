// `docker network create` / `rm`: user-defined bridges with their own br-… device.
import { useState, type FormEvent } from 'react';
import { cidrText } from '../../sim';
import { useAppStore } from '../../store/react';
import { useT } from '../../hooks/useT';
import { Sheet } from './Sheet';

export function NetworkForm() {
  const networks = useAppStore((s) => s.world.networks);
  const createNetwork = useAppStore((s) => s.createNetwork);
  const removeNetwork = useAppStore((s) => s.removeNetwork);
  // A click is the command it stands for: the terminal shows it as typed (a recorded lesson too).
  const echo = useAppStore((s) => s.echoCommand);
  const said = (text: string) => ({ chunks: [{ stream: 'stdout' as const, text }], exit: 0 });
  const close = useAppStore((s) => s.setOpenForm);
  const setNotice = useAppStore((s) => s.setNotice);
  const t = useT();
  const [name, setName] = useState('');
  const [subnet, setSubnet] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = createNetwork({
      name: name.trim(),
      ...(subnet.trim() ? { subnet: subnet.trim() } : {}),
    });
    if (!r.ok) return setError(`Error response from daemon: ${r.error.message}`);
    const flags = subnet.trim() ? ` --subnet ${subnet.trim()}` : '';
    echo(`docker network create${flags} ${name.trim()}`, said(`${r.value.id}\n`));
    setError(null);
    setName('');
    setSubnet('');
    setNotice({
      kind: 'info',
      text: t('networks.created', { name: r.value.name, device: r.value.bridge?.device ?? '' }),
    });
  };

  const user = networks.filter((n) => !n.isDefault && n.driver === 'bridge');
  return (
    <Sheet title={t('networks.title')} onClose={() => close(null)} testId="network-form">
      <form onSubmit={submit} className="form" noValidate>
        <label>
          <span>{t('form.name')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="front"
            spellCheck={false}
            autoFocus
          />
        </label>
        <label>
          <span>{t('form.subnet')}</span>
          <input
            value={subnet}
            onChange={(e) => setSubnet(e.target.value)}
            placeholder={t('networks.subnetPlaceholder')}
            spellCheck={false}
          />
        </label>
        {error && (
          <p className="field-error" role="alert" data-testid="error-network">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('networks.create')}
          </button>
        </div>
      </form>
      <ul className="net-list">
        {user.map((n) => (
          <li key={n.id}>
            <span>
              <strong>{n.name}</strong>{' '}
              {n.bridge ? `${n.bridge.device} · ${cidrText(n.bridge.subnet)}` : ''}
            </span>
            <button
              type="button"
              className="danger"
              onClick={() => {
                const r = removeNetwork(n.name);
                if (r.ok) echo(`docker network rm ${n.name}`, said(`${n.name}\n`));
                setError(r.ok ? null : `Error response from daemon: ${r.error.message}`);
              }}
            >
              {t('common.remove')}
            </button>
          </li>
        ))}
        {user.length === 0 && <li className="muted">{t('networks.none')}</li>}
      </ul>
    </Sheet>
  );
}
