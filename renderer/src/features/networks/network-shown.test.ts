import { describe, expect, it } from 'vitest';
import { networkShown } from './network-shown';

const a = { id: '7eea3c55ae6c51053ebf4f10e950c5ecb0a34c54852e94966827f011c2bd5c0d', name: 'app net <b>' };
const b = { id: 'b617a2e9f403c8cf929e4a9eb2eb33e59b5e9a0a72df3483de79c7e1fb71a546', name: 'app net <b>' };
const c = { id: 'c0ffee000000c8cf929e4a9eb2eb33e59b5e9a0a72df3483de79c7e1fb71a546', name: '7eea3c55' };

describe('networkShown', () => {
  it('names a network by its name when no other network shares it', () => {
    expect(networkShown(a, [a])).toBe('app net <b>');
  });
  it('names it by id when another network has the same name (docker: "network name is ambiguous")', () => {
    expect(networkShown(a, [a, b])).toBe(a.id);
  });
  it("names it by id when its name is the start of another network's id (docker would pick that one)", () => {
    expect(networkShown(c, [a, c])).toBe(c.id);
  });
});
