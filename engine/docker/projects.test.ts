import { describe, expect, it } from 'vitest';
import { servicesInStartOrder } from './projects.js';

const container = (id: string, service: string, created: number) => ({ Id: id, Created: created, Labels: { 'com.docker.compose.service': service } });

describe('servicesInStartOrder', () => {
  it('orders services by when their first container was made (Compose makes dependencies first), replicas together', () => {
    expect(
      servicesInStartOrder([container('web2', 'web', 30), container('db1', 'db', 10), container('web1', 'web', 20), container('cache1', 'cache', 15)]),
    ).toEqual([['db1'], ['cache1'], ['web2', 'web1']]);
  });

  it('breaks a tie in creation time by service name, so the order is stable', () => {
    expect(servicesInStartOrder([container('b', 'b', 5), container('a', 'a', 5)])).toEqual([['a'], ['b']]);
  });
});
