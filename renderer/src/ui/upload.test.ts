import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { errorText } from './errorText';
import { hostRefusal } from './upload';
import { koreanParticles } from '../i18n/josa';

const i18n = i18next.createInstance().use(koreanParticles);
await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'ko', interpolation: { escapeValue: false }, initAsync: false });
const englishSentence = /[A-Za-z]{2,}(?:[ ,]+[A-Za-z']{2,}){3,}/;

describe('the web host’s refusals, in the person’s language', () => {
  it('a plain-text refusal (the host’s own English) is worded from the catalogs with its HTTP status', () => {
    const worded = errorText(i18n, hostRefusal('This download or upload address has been used or has expired. Start it again from Berth.', 401));
    expect(worded.text).toBe('Berth 웹 호스트가 이 다운로드나 업로드를 거절했습니다(HTTP 401).');
    expect(`${worded.text} ${worded.hint} ${worded.quoted ?? ''}`).not.toMatch(englishSentence);
  });

  it('a structured refusal (JSON) keeps its own reason', () => {
    const body = JSON.stringify({ code: 'INVALID_INPUT', message: 'big.iso is larger than 2 GiB, the most one upload can carry.', reason: 'uploadTooLarge', params: { name: 'big.iso', limit: '2 GiB' } });
    const worded = errorText(i18n, hostRefusal(body, 413));
    expect(worded.text).toMatch(/[가-힣]/);
    expect(worded.text).toContain('big.iso');
    expect(worded.text).not.toMatch(englishSentence);
  });
});
