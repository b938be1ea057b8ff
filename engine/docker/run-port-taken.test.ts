import { describe, expect, it } from 'vitest';
import { takenHostPort } from './run.js';

// The engine's own words when a start cannot bind its host port (moby daemon, Docker 20.10 here:
// another container holds it; a program outside Docker holds it).
describe('takenHostPort', () => {
  it('reads the address and port from both of the engine’s sentences, and nothing from others', () => {
    expect(takenHostPort(new Error('driver failed programming external connectivity on endpoint web (9b47…): Bind for 127.0.0.1:18081 failed: port is already allocated'))).toBe('127.0.0.1:18081');
    expect(takenHostPort(new Error('driver failed programming external connectivity on endpoint web (9b47…): Error starting userland proxy: listen tcp4 0.0.0.0:8080: bind: address already in use'))).toBe('0.0.0.0:8080');
    // Docker 28 and later (moby's libnetwork portmapper), with and without the container's side.
    expect(takenHostPort(new Error('failed to set up container networking: driver failed programming external connectivity on endpoint web (3c1f…): failed to bind host port for 0.0.0.0:8000:172.31.0.2:8000/tcp: address already in use'))).toBe('0.0.0.0:8000');
    expect(takenHostPort(new Error('driver failed programming external connectivity on endpoint dns (77aa…): failed to bind host port 0.0.0.0:53/tcp: address already in use'))).toBe('0.0.0.0:53');
    expect(takenHostPort(new Error('failed to bind host port for [::]:8080:[fd00::2]:80/tcp: address already in use'))).toBe('[::]:8080');
    expect(takenHostPort(new Error('OCI runtime create failed: executable file not found'))).toBeUndefined();
  });
});
