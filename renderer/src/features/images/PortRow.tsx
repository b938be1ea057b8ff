import { useTranslation } from 'react-i18next';

export interface PortDraft {
  hostIp: string;
  hostPort: string;
  containerPort: string;
  protocol: 'tcp' | 'udp';
}

/** One published port: host address, host port, container port, protocol, and what is wrong with it. */
export function PortRow({
  index,
  port,
  problem,
  onChange,
  onRemove,
}: {
  index: number;
  port: PortDraft;
  problem: string | undefined;
  onChange: (port: PortDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const number = index + 1;
  return (
    <div className="run-form__row">
      <select aria-label={t('run.hostIp', { number })} value={port.hostIp} onChange={(e) => onChange({ ...port, hostIp: e.target.value })}>
        <option value="127.0.0.1">{t('run.thisMachine')}</option>
        <option value="0.0.0.0">{t('run.allInterfaces')}</option>
      </select>
      <input className="input run-form__small" inputMode="numeric" aria-label={t('run.hostPort', { number })} placeholder={t('run.anyPort')} value={port.hostPort} onChange={(e) => onChange({ ...port, hostPort: e.target.value.trim() })} />
      <span aria-hidden="true">→</span>
      <input className="input run-form__small" inputMode="numeric" aria-label={t('run.containerPort', { number })} placeholder="80" value={port.containerPort} onChange={(e) => onChange({ ...port, containerPort: e.target.value.trim() })} />
      <select aria-label={t('run.protocol', { number })} value={port.protocol} onChange={(e) => onChange({ ...port, protocol: e.target.value as 'tcp' | 'udp' })}>
        <option value="tcp">tcp</option>
        <option value="udp">udp</option>
      </select>
      <button type="button" className="button button--small" aria-label={t('run.removePort', { number })} onClick={onRemove}>
        ×
      </button>
      {problem && <span className="field__problem run-form__problem">{problem}</span>}
    </div>
  );
}
