import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { engineLinkError } from './engineLinkError';
import { koreanParticles } from '../i18n/josa';

const i18n = i18next.createInstance().use(koreanParticles);
await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'ko', interpolation: { escapeValue: false } });

describe('engineLinkError', () => {
  it('words a known kind in the person’s language, and passes the engine’s own words through', () => {
    const lastError = "Nothing answers at the engine's socket (ENOENT).";
    expect(engineLinkError(i18n.t, { lastError, lastErrorKind: { kind: 'noAnswer', code: 'ENOENT' } })).toBe('엔진 소켓에서 응답이 없습니다(ENOENT).');
    expect(engineLinkError(i18n.t, { lastError: 'The engine closed the connection.', lastErrorKind: { kind: 'closed' } })).toBe('엔진이 연결을 닫았습니다.');
    expect(engineLinkError(i18n.t, { lastError: 'client version 1.99 is too new' })).toBe('client version 1.99 is too new');
  });

  it('words an ssh:// engine’s refusals from their fields, never with Berth’s English', () => {
    const changed = {
      kind: 'sshHostKeyChanged',
      host: '[build-box]:2222',
      keyType: 'ssh-ed25519',
      fingerprint: 'SHA256:PfT5zSb+gVUiNR0AG2ZbQXE4cxH1jcWS89cz/HKAT7g',
      knownFingerprint: 'SHA256:GFe+JS8KyPig6CmGzw0KteJpoWdorRn+85vBFESOfcc',
      file: '/home/me/.ssh/known_hosts',
      line: 3,
    } as const;
    const english = 'build-box offered a different key';
    expect(engineLinkError(i18n.t, { lastError: english, lastErrorKind: changed })).toBe('[build-box]:2222의 호스트 키가 바뀌었습니다. Berth가 연결을 거부했습니다.');
    const auth = { kind: 'sshAuthFailed', user: 'me', host: 'build-box:22' } as const;
    expect(engineLinkError(i18n.getFixedT('en'), { lastError: english, lastErrorKind: auth })).toBe(
      'me@build-box:22 refused every key Berth offered (ssh-agent, ~/.ssh/id_ed25519, id_ecdsa, id_rsa).',
    );
    const locked = { kind: 'sshKeyLocked', user: 'me', host: 'build-box:22', key: '/home/me/.ssh/id_ed25519' } as const;
    expect(engineLinkError(i18n.t, { lastError: english, lastErrorKind: locked })).toBe(
      'me@build-box:22가 Berth가 내밀 수 있는 키를 모두 거부했습니다. /home/me/.ssh/id_ed25519 키는 암호 문구로 잠겨 있습니다.',
    );
  });
});
