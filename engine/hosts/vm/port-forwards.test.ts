import { describe, expect, it } from 'vitest';
import { publishedPorts } from './port-forwards.js';

describe('publishedPorts', () => {
  it('lists each published port once by protocol, leaving out unpublished ones', () => {
    const containers = [
      { Ports: [{ PublicPort: 8080, Type: 'tcp' }, { PublicPort: 8080, Type: 'tcp' }, { Type: 'tcp' }] },
      { Ports: [{ PublicPort: 53, Type: 'udp' }, { PublicPort: 53, Type: 'udp' }, { PublicPort: 3000, Type: 'tcp' }] },
      { Ports: [{ PublicPort: 9000, Type: 'sctp' }] },
      {},
    ];
    expect(publishedPorts(containers)).toEqual({ tcp: [3000, 8080], udp: [53] });
  });
});
