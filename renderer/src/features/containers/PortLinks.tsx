import { useTranslation } from 'react-i18next';
import type { PortMapping } from '../../../../engine/contract/types';

/**
 * The address a published port is reached at from this machine. A port bound to every interface
 * (0.0.0.0 or ::) is reached at localhost; one bound to a single address only there.
 */
export function portAddress(port: PortMapping): string {
  const host = port.hostIp === '0.0.0.0' || port.hostIp === '::' || port.hostIp === '' ? 'localhost' : port.hostIp;
  return `${host.includes(':') ? `[${host}]` : host}:${port.hostPort}`;
}

export function PortLinks({ ports }: { ports: readonly PortMapping[] }) {
  const { t } = useTranslation();
  return (
    <span className="port-links">
      {ports.map((port) => {
        const address = portAddress(port);
        const text = `${address}→${port.containerPort}/${port.protocol}`;
        return port.protocol === 'tcp' ? (
          <a
            key={text}
            className="port-link"
            href={`http://${address}/`}
            target="_blank"
            rel="noopener noreferrer"
            title={t('containers.openPort', { address })}
          >
            {text}
          </a>
        ) : (
          <span key={text} className="port-link port-link--plain">
            {text}
          </span>
        );
      })}
    </span>
  );
}
