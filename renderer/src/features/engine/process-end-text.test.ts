import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { ko } from '../../i18n/ko';
import { processEndText } from './process-end-text';
import { koreanParticles } from '../../i18n/josa';

const i18n = i18next.createInstance().use(koreanParticles);
await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });

describe('the Engine view’s “last unexpected stop”, in the person’s language', () => {
  it('says it in English as before and in Korean without English words of Berth’s', () => {
    const killed = { process: 'QEMU' as const, signal: 'SIGKILL' };
    expect(processEndText(i18n.getFixedT('en'), killed)).toBe('QEMU killed by SIGKILL');
    expect(processEndText(i18n.getFixedT('ko'), killed)).toBe('QEMU가 SIGKILL 신호로 강제 종료됨');
    expect(processEndText(i18n.getFixedT('ko'), { process: 'dockerd', code: 1 })).toBe('dockerd가 코드 1로 종료됨');
    expect(processEndText(i18n.getFixedT('ko'), { process: 'dockerd', wentAway: true })).not.toMatch(/went away/);
    expect(processEndText(i18n.getFixedT('ko'), undefined)).toBeUndefined();
  });
});
