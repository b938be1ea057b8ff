import { useTranslation } from 'react-i18next';
import type { PortProtocol } from '../../../../engine/contract/ports';

/** One published port, the parts of one docker `-p` spec: ports may be ranges such as 8000-8010. */
export interface PortDraft {
  /** An IPv4 or IPv6 address (no brackets). */
  hostIp: string;
  /** '' for any free port, a number, or a range. */
  hostPort: string;
  /** A number or a range. */
  containerPort: string;
  protocol: PortProtocol;
}

/** The draft as docker's `-p` syntax, which Berth sends and validates. */
export function portDraftSpec(port: PortDraft): string {
  const ip = port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp;
  return `${ip}:${port.hostPort}:${port.containerPort}${port.protocol === 'tcp' ? '' : `/${port.protocol}`}`;
}

const commonAddresses = ['127.0.0.1', '0.0.0.0'];

/** One published port: host address, host port(s), container port(s), protocol, and what is wrong with it. */
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
        {!commonAddresses.includes(port.hostIp) && <option value={port.hostIp}>{port.hostIp}</option>}
      </select>
      <input className="input run-form__small" aria-label={t('run.hostPort', { number })} placeholder={t('run.anyPort')} value={port.hostPort} onChange={(e) => onChange({ ...port, hostPort: e.target.value.trim() })} />
      <span aria-hidden="true">→</span>
      <input className="input run-form__small" aria-label={t('run.containerPort', { number })} placeholder="80" value={port.containerPort} onChange={(e) => onChange({ ...port, containerPort: e.target.value.trim() })} />
      <select aria-label={t('run.protocol', { number })} value={port.protocol} onChange={(e) => onChange({ ...port, protocol: e.target.value as PortProtocol })}>
        <option value="tcp">tcp</option>
        <option value="udp">udp</option>
        <option value="sctp">sctp</option>
      </select>
      <button type="button" className="button button--small" aria-label={t('run.removePort', { number })} onClick={onRemove}>
        ×
      </button>
      {problem && <span className="field__problem run-form__problem">{problem}</span>}
    </div>
  );
}
