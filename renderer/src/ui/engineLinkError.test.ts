import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { engineLinkError } from './engineLinkError';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'ko', interpolation: { escapeValue: false } });

describe('engineLinkError', () => {
  it('words a known kind in the person’s language, and passes the engine’s own words through', () => {
    const lastError = "Nothing answers at the engine's socket (ENOENT).";
    expect(engineLinkError(i18n.t, { lastError, lastErrorKind: { kind: 'noAnswer', code: 'ENOENT' } })).toBe('엔진 소켓에서 응답이 없습니다(ENOENT).');
    expect(engineLinkError(i18n.t, { lastError: 'The engine closed the connection.', lastErrorKind: { kind: 'closed' } })).toBe('엔진이 연결을 닫았습니다.');
    expect(engineLinkError(i18n.t, { lastError: 'client version 1.99 is too new' })).toBe('client version 1.99 is too new');
  });
});
