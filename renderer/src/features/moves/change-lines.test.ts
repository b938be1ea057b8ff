import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { ko } from '../../i18n/ko';
import { changeLines, changesProblem } from './change-lines';
import { koreanParticles } from '../../i18n/josa';

const i18n = i18next.createInstance().use(koreanParticles);
await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });
const english = i18n.getFixedT('en');
const korean = i18n.getFixedT('ko');

/**
 * Which `--change` instructions docker commit takes: moby's validCommitCommands
 * (builder/dockerfile/builder.go, v20.10), written from memory and then checked line by line with
 * `docker commit -c <line>` against this machine's dockerd 20.10.24 (the answers below are its own).
 */
const engineAnswers: [line: string, accepted: boolean][] = [
  ['CMD ["httpd", "-f"]', true],
  ['cmd ["x"]', true],
  ['ENTRYPOINT ["/bin/sh"]', true],
  ['ENV MODE=production', true],
  ['EXPOSE 8080/tcp', true],
  ['LABEL a=b', true],
  ['ONBUILD RUN true', true],
  ['USER nobody', true],
  ['VOLUME /data', true],
  ['WORKDIR /srv', true],
  ['HEALTHCHECK CMD true', true],
  ['STOPSIGNAL SIGKILL', false],
  ['MAINTAINER me', false],
  ['SHELL ["/bin/sh","-c"]', false],
  ['ARG x=1', false],
  ['RUN true', false],
  ['FROM scratch', false],
  ['CMD', false],
];

describe('--change lines as they are typed', () => {
  it.each(engineAnswers)('%s: accepted %s, as the engine answers', (line, accepted) => {
    expect(changesProblem(english, line) === undefined).toBe(accepted);
  });

  it('names the first bad line by its number in the box, blank lines counted, in both languages', () => {
    const text = 'ENV A=1\n\n  RUN echo no\nCMD ["x"]';
    expect(changeLines(text)).toEqual(['ENV A=1', 'RUN echo no', 'CMD ["x"]']);
    expect(changesProblem(english, text)).toMatch(/^Line 3: A --change line is one Dockerfile instruction/);
    expect(changesProblem(korean, text)).toMatch(/^3번째 줄: --change 줄은/);
    expect(changesProblem(english, '\n\n')).toBeUndefined();
  });
});
