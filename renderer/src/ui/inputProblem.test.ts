import type { TRPCError } from '@trpc/server';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { containerName, containerRunInput, vmSettingsInput } from '../../../engine/contract/schemas';
import { procedure, router, toBerthErrorShape } from '../../../engine/contract/trpc';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { errorText } from './errorText';
import { firstProblemText, issueText } from './inputProblem';
import { koreanParticles } from '../i18n/josa';

const i18n = i18next.createInstance().use(koreanParticles);
await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });
const korean = i18n.getFixedT('ko');
const english = i18n.getFixedT('en');
/** Words of Berth's own English sentences, none of which a Korean reader should meet. */
const englishWords = /\b(?:name|letters?|digits?|characters?|starts?|uses?|only|least|most|is|the|and)\b/i;

describe('a refused input in the person’s language', () => {
  it('words a bad container name in Korean as typed, limits filled in', () => {
    for (const bad of ['bad name!', '-web', 'a', 'x'.repeat(200)]) {
      const text = firstProblemText(korean, containerName, bad);
      expect(text, bad).toMatch(/[가-힣]/);
      expect(text, bad).not.toMatch(englishWords);
    }
    expect(firstProblemText(korean, containerName, 'a')).toContain('2자 이상');
    expect(firstProblemText(korean, containerName, 'x'.repeat(200))).toContain('128자');
    expect(firstProblemText(english, containerName, 'a')).toBe('A container name has at least 2 characters, e.g. “web-1”.');
    expect(firstProblemText(korean, containerName, 'web-1')).toBeUndefined();
  });

  it('words the parsers’ problems and zod’s own issues too', () => {
    expect(firstProblemText(korean, containerRunInput, { image: 'nginx', ports: ['70000:80'] })).toBe(ko.problems.port.hostPort.replace('“{{port}}”{{port, particle(은/는)}}', '“70000”은'));
    const parsed = vmSettingsInput.safeParse({ cpus: Number.NaN, memoryMiB: 100, diskGiB: 20 });
    expect(parsed.success).toBe(false);
    const texts = parsed.success ? [] : parsed.error.issues.map((issue) => issueText(korean, issue));
    expect(texts).toEqual(['CPU 수는 2처럼 정수로 씁니다.', '가상 머신에는 메모리가 512 MiB 이상 필요합니다.']);
  });

  it('a contract refusal carries the code, and the renderer words it in Korean, never quoting the English', async () => {
    const calls = router({ rename: procedure.input(containerRunInput.pick({ name: true })).mutation(() => 'ok') });
    const error = await calls.createCaller({} as never).rename({ name: 'bad name!' }).then(
      () => expect.unreachable(),
      (e: unknown) => e as TRPCError,
    );
    const shape = toBerthErrorShape(error);
    expect(shape).toMatchObject({ code: 'INVALID_INPUT', reason: 'inputProblem', params: { problem: 'input.containerNamePattern', field: 'name' } });
    expect(shape.message).toMatch(/starts with a letter or digit/);
    const worded = errorText({ t: korean, exists: i18n.exists.bind(i18n) }, shape);
    expect(worded).toEqual({ text: ko.problems.input.containerNamePattern });
  });
});
