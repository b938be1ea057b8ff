import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { errorReasons } from '../../../engine/contract/errors';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { errorText } from '../ui/errorText';
import { koreanParticles } from '../i18n/josa';

const i18n = i18next.createInstance().use(koreanParticles);
await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false } });

describe('engine errors in the person’s language', () => {
  it('every reason the engine can send is worded in both catalogs', () => {
    for (const reason of errorReasons) {
      expect(en.errors, reason).toHaveProperty(reason);
      expect(ko.errors, reason).toHaveProperty(reason);
    }
  });

  it('words a reason from its params, hint included, and falls back to the engine’s message without one', async () => {
    const missing = { code: 'NOT_FOUND', message: 'No volume driver "nfs3" is installed.', reason: 'volumeDriverMissing', params: { driver: 'nfs3', installed: 'local' } } as const;
    await i18n.changeLanguage('ko');
    expect(errorText(i18n, missing)).toEqual({
      text: '이 엔진에는 “nfs3”이라는 볼륨 드라이버가 없습니다.',
      hint: '여기에 설치된 드라이버: local. 플러그인을 먼저 설치하거나 이 중 하나를 쓰세요.',
    });
    await i18n.changeLanguage('en');
    expect(errorText(i18n, missing).text).toBe('This engine has no volume driver called “nfs3”.');
    expect(errorText(i18n, { code: 'CONFLICT', message: 'name in use', hint: 'Pick another.' })).toEqual({ text: 'name in use', hint: 'Pick another.' });
  });

  it('does not quote Berth’s own English beside the Korean words of a not-running refusal', async () => {
    const restarting = { code: 'NOT_RUNNING', message: 'looper is restarting, so there is nothing to open a shell in yet.', reason: 'shellContainerRestarting', params: { container: 'looper' } } as const;
    await i18n.changeLanguage('ko');
    expect(errorText(i18n, restarting)).toEqual({
      text: 'looper가 재시작 중입니다. 종료된 뒤 엔진이 잠시 기다렸다가 다시 시작합니다.',
      hint: '실행 중이 되면 터미널을 다시 여세요. 계속 종료되는 이유는 로그에 있을 수 있습니다.',
    });
    await i18n.changeLanguage('en');
  });

  it('words an engine refusal in Korean and quotes only what the engine said', async () => {
    const message = 'Conflict. The container name "/db" is already in use by container "abc".';
    // As engine/docker/errors.ts sends it (its own test checks that shape).
    const refused = { code: 'CONFLICT', message, reason: 'nameInUse', engineText: message } as const;
    await i18n.changeLanguage('ko');
    expect(errorText(i18n, refused)).toEqual({
      text: '이미 쓰이고 있는 이름입니다.',
      quoted: message,
      hint: '다른 이름을 고르거나, 그 이름을 가진 컨테이너의 이름을 바꾸거나 지우세요.',
    });
    await i18n.changeLanguage('en');
  });
});
