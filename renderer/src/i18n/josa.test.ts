import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { koreanParticles, particleFor } from './josa';

/**
 * The particle after a value, decided from what a Korean reader hears at its end. Hangul from the
 * syllable's final consonant (batchim); digits as Koreans read them (일 이 삼 사 오 육 칠 팔 구 영);
 * Latin letters as Koreans spell them out (엘 엠 엔 알 end in a consonant, the rest do not).
 * Pairs are written consonant-form/vowel-form.
 */
const table: [value: string, pair: string, particle: string, why: string][] = [
  // Hangul
  ['웹서버', '을/를', '를', 'no batchim'],
  ['컨테이너', '이/가', '가', 'no batchim'],
  ['볼륨', '을/를', '을', 'batchim ㅁ'],
  ['네트워크', '은/는', '는', 'no batchim'],
  ['이미지', '과/와', '와', 'no batchim'],
  ['엔진', '과/와', '과', 'batchim ㄴ'],
  ['서울', '으로/로', '로', 'ㄹ batchim takes 로'],
  ['서울', '을/를', '을', 'ㄹ is still a batchim for 을/를'],
  ['부산', '으로/로', '으로', 'batchim ㄴ'],
  ['바다', '으로/로', '로', 'no batchim'],
  ['값', '이라는/라는', '이라는', 'double batchim ㅄ'],
  ['기타', '이라는/라는', '라는', 'no batchim'],
  // Digits
  ['1', '으로/로', '로', '일: ㄹ'],
  ['3', '으로/로', '으로', '삼: ㅁ'],
  ['137', '으로/로', '로', '칠: ㄹ'],
  ['8', '을/를', '을', '팔'],
  ['2', '을/를', '를', '이'],
  ['4', '이/가', '가', '사'],
  ['5', '은/는', '는', '오'],
  ['6', '으로/로', '으로', '육: ㄱ'],
  ['9', '과/와', '와', '구'],
  ['0', '이/가', '이', '영: ㅇ'],
  ['8080', '과/와', '과', 'ends in 0 (영, or 십 in 팔천팔십)'],
  ['255', '으로/로', '로', '오'],
  // Latin letters
  ['db', '을/를', '를', 'b 비'],
  ['redis', '은/는', '는', 's 에스'],
  ['nginx', '을/를', '를', 'x 엑스'],
  ['mysql', '으로/로', '로', 'l 엘: ㄹ'],
  ['mysql', '을/를', '을', 'l 엘'],
  ['HDR', '으로/로', '로', 'capitals are spelled: r 알: ㄹ'],
  ['OCR', '이/가', '이', 'r 알'],
  ['team', '이/가', '이', 'm 엠'],
  ['main', '으로/로', '으로', 'n 엔: ㄴ'],
  ['NGINX', '을/를', '를', 'capitals read the same'],
  ['APP', '이/가', '가', 'p 피'],
  ['café', '이/가', '가', 'é read as e'],
  ['Dockerfile', '이/가', '이', 'read as a word: 도커파일'],
  ['Dockerfile', '으로/로', '로', '파일: ㄹ'],
  ['Dockerfile.dev', '이/가', '가', 'v 브이'],
  // Latin words whose end Koreans say otherwise than the last letter's name
  ['docker', '이/가', '가', '도커, not 알'],
  ['worker', '으로/로', '로', '워커'],
  ['web', '을/를', '을', '웹'],
  ['tomcat', '을/를', '을', '톰캣: a short vowel then t'],
  ['buildkit', '이/가', '이', '빌드킷'],
  ['dotnet', '으로/로', '으로', '닷넷'],
  ['traefik', '을/를', '을', '트래픽: a short vowel then k'],
  ['root', '을/를', '를', '루트: a long vowel then t'],
  ['hub', '을/를', '를', '허브, not 헙'],
  ['Docker Hub', '이/가', '가', '허브'],
  ['a3f0c7e1dabb', '으로/로', '로', 'an id is read letter by letter: 비'],
  ['4e2fab', '을/를', '를', 'a short id too'],
  ['ｗｅｂ', '을/를', '을', 'full-width letters read as their letters: 웹'],
  ['app', '이/가', '이', '앱'],
  ['backup', '으로/로', '으로', '백업'],
  ['stack', '은/는', '은', '스택'],
  ['golang', '과/와', '과', '고랭'],
  ['alpine', '을/를', '을', '알파인'],
  ['home', '으로/로', '으로', '홈'],
  ['console', '으로/로', '로', '콘솔: ㄹ'],
  ['my-docker', '이/가', '가', 'the word after the hyphen'],
  ['DB', '이/가', '가', 'capitals are letters: 디비'],
  ['dbr', '이/가', '이', 'no vowel: spelled, r 알'],
  // Mixed: the last letter or digit decides
  ['web-1', '을/를', '을', '1 일'],
  ['web-1', '으로/로', '로', '1 일: ㄹ'],
  ['nginx:1.27', '을/를', '을', '7 칠'],
  ['nginx:1.27', '으로/로', '로', '7 칠: ㄹ'],
  ['registry.example.com:5000/team/app', '이/가', '이', 'app 앱'],
  ['registry.example.com:5000/team/api', '이/가', '가', 'i 아이'],
  ['sha256:3f2a', '은/는', '는', 'a 에이'],
  ['웹-2', '을/를', '를', '2 이'],
  ['/home/me/site/', '은/는', '는', 'a closing slash is skipped: e 이'],
  ['app (2)', '이/가', '가', 'a closing bracket is skipped: 2 이'],
  ['“볼륨”', '을/를', '을', 'quotes are skipped'],
  ['"web"', '이/가', '이', 'straight quotes too: 웹'],
  ['데이터 📦', '을/를', '를', 'an emoji is skipped'],
  ['redis…', '과/와', '와', 'an ellipsis is skipped'],
  // Nothing to decide from: the hedged form
  ['', '을/를', '을(를)', 'empty'],
  ['…', '이/가', '이(가)', 'punctuation only'],
  ['🐳', '으로/로', '(으)로', 'an emoji only'],
  ['データ', '은/는', '은(는)', 'a script whose reading is not known here'],
  ['', '이라는/라는', '(이)라는', 'hedged like the catalogs wrote it'],
];

describe('particleFor', () => {
  it.each(table)('%j + %s → %s (%s)', (value, pair, particle) => {
    expect(particleFor(value, pair)).toBe(particle);
  });
});

describe('i18next formatters', () => {
  const i18n = i18next.createInstance().use(koreanParticles);
  void i18n.init({
    lng: 'ko',
    initAsync: false,
    interpolation: { escapeValue: false },
    resources: {
      ko: {
        translation: {
          remove: '{{name, josa(을/를)}} 삭제할까요?',
          exited: '{{name, josa(이/가)}} 코드 {{code, josa(으로/로)}} 끝났습니다.',
          quoted: '“{{name}}”{{name, particle(은/는)}} 이름이 아닙니다.',
        },
      },
    },
  });

  it('put the particle after the value (josa) or alone after a closing quote (particle)', () => {
    // This instance holds its own three keys, not the typed catalogs.
    const t = i18n.t as unknown as (key: string, values: object) => string;
    expect(t('remove', { name: 'nginx' })).toBe('nginx를 삭제할까요?');
    expect(t('remove', { name: '웹서버' })).toBe('웹서버를 삭제할까요?');
    expect(t('remove', { name: 'web-1' })).toBe('web-1을 삭제할까요?');
    expect(t('exited', { name: 'db', code: 137 })).toBe('db가 코드 137로 끝났습니다.');
    expect(t('exited', { name: 'mysql', code: 3 })).toBe('mysql이 코드 3으로 끝났습니다.');
    expect(t('quoted', { name: 'Nginx:Latest' })).toBe('“Nginx:Latest”는 이름이 아닙니다.');
    expect(t('quoted', { name: '' })).toBe('“”은(는) 이름이 아닙니다.');
  });
});
