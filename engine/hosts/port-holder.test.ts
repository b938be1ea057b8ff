import { describe, expect, it } from 'vitest';
import { addressesClash, findListener, parseProcNet } from './port-holder.js';

// Lines as Linux 6.1 prints /proc/net/tcp and tcp6 (fields per Documentation/networking/proc_net_tcp.rst).
const tcp = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 41234 1 0000000000000000 100 0 0 10 0
   1: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1111 1 0000000000000000 100 0 0 10 0
   2: 0100007F:1F90 0100007F:D4A2 01 00000000:00000000 00:00000000 00000000  1000        0 0 1 0000000000000000 20 4 30 10 -1
`;
const tcp6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:0CEA 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 5555 1 0000000000000000 100 0 0 10 0
   1: 00000000000000000000000000000000:1538 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 6666 1 0000000000000000 100 0 0 10 0
`;

describe('/proc/net tables', () => {
  it('reads IPv4 and IPv6 listeners with their ports and inodes', () => {
    expect(parseProcNet(tcp)).toEqual([
      { address: '127.0.0.1', port: 8080, state: '0A', inode: 41234 },
      { address: '0.0.0.0', port: 22, state: '0A', inode: 1111 },
      { address: '127.0.0.1', port: 8080, state: '01', inode: 0 },
    ]);
    expect(parseProcNet(tcp6)).toEqual([
      { address: '::1', port: 3306, state: '0A', inode: 5555 },
      { address: '::', port: 5432, state: '0A', inode: 6666 },
    ]);
  });

  it('finds the listener holding a port, a wildcard on either side included, never a connection', () => {
    const sockets = [...parseProcNet(tcp), ...parseProcNet(tcp6)];
    expect(findListener(sockets, '127.0.0.1', 8080, 'tcp')?.inode).toBe(41234);
    expect(findListener(sockets, '0.0.0.0', 8080, 'tcp')?.inode).toBe(41234);
    expect(findListener(sockets, '127.0.0.1', 22, 'tcp')?.inode).toBe(1111);
    expect(findListener(sockets, '127.0.0.1', 5432, 'tcp')?.inode).toBe(6666);
    expect(findListener(sockets, '::1', 3306, 'tcp')?.inode).toBe(5555);
    expect(findListener(sockets, '192.168.1.5', 8080, 'tcp')).toBeUndefined();
    expect(findListener(sockets, '127.0.0.1', 8081, 'tcp')).toBeUndefined();
    expect(findListener(sockets, '127.0.0.1', 8080, 'udp')).toBeUndefined();
  });

  it('addresses clash when equal or either is every address', () => {
    expect(addressesClash('0.0.0.0', '127.0.0.1')).toBe(true);
    expect(addressesClash('127.0.0.1', '::')).toBe(true);
    expect(addressesClash('127.0.0.1', '127.0.0.2')).toBe(false);
  });
});
