import { useTranslation } from 'react-i18next';
import type { PortMapping } from '../../../../engine/contract/types';
import { groupPorts, groupText, portAddress } from './port-groups';

export { portAddress } from './port-groups';

/**
 * Published ports, ranges collapsed: a single TCP port is a link to its address; a range (or a UDP
 * port) is text. The caller puts `portsTooltip` on the cell, so every mapping is one hover away.
 */
export function PortLinks({ ports }: { ports: readonly PortMapping[] }) {
  const { t } = useTranslation();
  return (
    <span className="port-links">
      {groupPorts(ports).map((group) => {
        const text = groupText(group);
        const single = group.hostPort === group.hostPortEnd;
        if (single && group.protocol === 'tcp') {
          const address = portAddress(group);
          return (
            <a key={text} className="port-link" href={`http://${address}/`} target="_blank" rel="noopener noreferrer" title={t('containers.openPort', { address })}>
              {text}
            </a>
          );
        }
        return (
          <span key={text} className="port-link port-link--plain">
            {text}
          </span>
        );
      })}
    </span>
  );
}
