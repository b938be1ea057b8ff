import { describe, expect, it } from 'vitest';
import { publishedTcpPorts } from './port-forwards.js';

describe('publishedTcpPorts', () => {
  it('lists each published TCP port once, leaving out UDP and unpublished ports', () => {
    const containers = [
      { Ports: [{ PublicPort: 8080, Type: 'tcp' }, { PublicPort: 8080, Type: 'tcp' }, { Type: 'tcp' }] },
      { Ports: [{ PublicPort: 53, Type: 'udp' }, { PublicPort: 3000, Type: 'tcp' }] },
      {},
    ];
    expect(publishedTcpPorts(containers)).toEqual([3000, 8080]);
  });
});
