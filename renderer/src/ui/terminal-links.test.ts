import { describe, expect, it } from 'vitest';
import { linkTarget } from './terminal-links';

const own = 'http://127.0.0.1:7391';

describe('where a link a program wrote into a terminal may lead', () => {
  it.each([
    ['https://example.com/docs?a=1#x', { url: 'https://example.com/docs?a=1#x' }],
    ['http://127.0.0.1:8080/', { url: 'http://127.0.0.1:8080/' }],
    ['http://localhost:3000', { url: 'http://localhost:3000/' }],
    ['javascript:alert(1)', { refused: 'notWeb' }],
    ['JaVaScRiPt:alert(1)', { refused: 'notWeb' }],
    ['data:text/html,<script>alert(1)</script>', { refused: 'notWeb' }],
    ['file:///etc/passwd', { refused: 'notWeb' }],
    ['vbscript:x', { refused: 'notWeb' }],
    ['not a url', { refused: 'notWeb' }],
    ['http://127.0.0.1:7391/#/containers', { refused: 'own', url: 'http://127.0.0.1:7391/#/containers' }],
    ['http://localhost:7391/', { refused: 'own', url: 'http://localhost:7391/' }],
    ['http://[::1]:7391/download/logs/x', { refused: 'own', url: 'http://[::1]:7391/download/logs/x' }],
    ['HTTP://127.0.0.1:7391', { refused: 'own', url: 'http://127.0.0.1:7391/' }],
    ['http://user@127.0.0.1:7391/', { refused: 'own', url: 'http://user@127.0.0.1:7391/' }],
    // The refusal names the address as parsed: a paragraph separator or a bidi override the program
    // put in it cannot lay out lines of its own in Berth's dialog.
    [
      'http://127.0.0.1:7391/#\u2029\u202eBerth says: log in again at evil.example',
      { refused: 'own', url: 'http://127.0.0.1:7391/#%E2%80%A9%E2%80%AEBerth%20says:%20log%20in%20again%20at%20evil.example' },
    ],
  ])('%s', (uri, expected) => {
    expect(linkTarget(uri, own)).toEqual(expected);
  });

  it('in the desktop shell (an opaque origin) refuses nothing but other schemes', () => {
    expect(linkTarget('http://127.0.0.1:7391/', 'null')).toEqual({ url: 'http://127.0.0.1:7391/' });
    expect(linkTarget('file:///x', 'file://')).toEqual({ refused: 'notWeb' });
  });
});
