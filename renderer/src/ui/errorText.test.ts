import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import type { BerthErrorShape } from '../../../engine/contract/errors';
import { errorText } from './errorText';
import { koreanParticles } from '../i18n/josa';

const i18n = i18next.createInstance().use(koreanParticles);
await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });

describe('errorText', () => {
  const running = {
    code: 'CONFLICT' as const,
    message: 'conflict: unable to remove repository reference "app:1" (must force) - container 0a1b is using its referenced image 9f8e',
    hint: 'Stop and remove web first.',
    reason: 'imageUsedByRunning' as const,
    params: { image: 'app:1', containers: ['web', 'worker'] },
    engineText: 'conflict: unable to remove repository reference "app:1" (must force) - container 0a1b is using its referenced image 9f8e',
  };

  it('words a known reason from the catalog, lists joined, with the engine’s words beside it', () => {
    expect(errorText(i18n, running)).toEqual({
      text: 'app:1 is used by running container web, worker.',
      quoted: running.engineText,
      hint: 'Stop and remove web, worker first: even force cannot remove an image a running container uses.',
    });
    const korean = errorText({ t: i18n.getFixedT('ko'), exists: i18n.exists.bind(i18n) }, running);
    expect(korean.text).toBe('실행 중인 컨테이너 web, worker가 app:1을 사용하고 있습니다.');
  });

  it('shows the engine’s message and hint as they came when there is no reason, or none the catalog knows', () => {
    expect(errorText(i18n, { code: 'ENGINE_ERROR', message: 'boom', hint: 'try again' })).toEqual({ text: 'boom', hint: 'try again' });
    // A newer trusted side may name a reason this renderer has no words for.
    expect(errorText(i18n, { code: 'ENGINE_ERROR', message: 'boom', reason: 'no-such-reason' } as unknown as BerthErrorShape)).toEqual({ text: 'boom' });
  });

  it('never quotes Berth’s own English refusal beside the catalog’s words', () => {
    const refused: BerthErrorShape = { code: 'INVALID_INPUT', message: '.dockerignore line 2: “[” is not a pattern docker accepts.', reason: 'dockerignorePattern', params: { line: 2, pattern: '[' } };
    const korean = errorText({ t: i18n.getFixedT('ko'), exists: i18n.exists.bind(i18n) }, refused);
    expect(korean.quoted).toBeUndefined();
    expect(korean.text).not.toContain('not a pattern');
    // Nor an engine failure Berth words itself, whatever its code.
    const down: BerthErrorShape = { code: 'ENGINE_UNAVAILABLE', message: 'The container engine is not answering.', hint: 'Is dockerd running?', reason: 'engineUnavailable' };
    const words = errorText({ t: i18n.getFixedT('ko'), exists: i18n.exists.bind(i18n) }, down);
    expect(words).toEqual({ text: '컨테이너 엔진이 응답하지 않습니다.', hint: expect.stringContaining('dockerd') });
    expect(JSON.stringify(words)).not.toMatch(/not answering|Is dockerd/);
  });
});
