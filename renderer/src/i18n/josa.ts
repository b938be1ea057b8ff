import type { i18n as I18n, ThirdPartyModule } from 'i18next';

/**
 * Korean particles (조사) after a value put into a sentence: “nginx를”, “웹서버를”, “web-1을”,
 * “코드 137로”. The right form depends on how the value's end sounds: after a final consonant
 * (batchim) 을/이/은/과/으로…, after a vowel 를/가/는/와/로…, and 으로-type particles drop 으 after ㄹ.
 *
 * Written here rather than taken from es-hangul 2.4.0 (MIT, toss/es-hangul): its `josa` decides only
 * for Hangul and ALL-CAPS Latin (“web-1”, “nginx:1.27” and “docker” all get 를; measured), so Berth
 * would have used only its Hangul batchim test, which is the Unicode arithmetic below, and
 * `hasBatchim` alone bundles to 2.0 KB minified (0.9 KB gzip; `josa` 3.0 KB / 1.4 KB) plus a new pin.
 */

/** Particle pairs the catalogs may use, each written consonant-form/vowel-form. */
export const particlePairs = ['을/를', '이/가', '은/는', '과/와', '으로/로', '이라는/라는', '이라/라', '이나/나', '이랑/랑', '아/야', '이에요/예요'] as const;

/** How a value's last sound ends: a vowel, the consonant ㄹ, or another consonant. */
type FinalSound = 'vowel' | 'rieul' | 'consonant';

// Digits as Koreans read them: 영 일 이 삼 사 오 육 칠 팔 구.
const digitSounds: Record<string, FinalSound> = { 0: 'consonant', 1: 'rieul', 2: 'vowel', 3: 'consonant', 4: 'vowel', 5: 'vowel', 6: 'consonant', 7: 'rieul', 8: 'rieul', 9: 'vowel' };

// Latin letters as Koreans spell them: 엘 (l), 엠 (m), 엔 (n), 알 (r) end in a consonant; 에이, 비,
// 씨, 디, 이, 에프, 지, 에이치, 아이, 제이, 케이, 오, 피, 큐, 에스, 티, 유, 브이, 더블유, 엑스, 와이, 제트 do not.
const letterSounds: Record<string, FinalSound> = { l: 'rieul', r: 'rieul', m: 'consonant', n: 'consonant' };
// A run of Latin letters that is a word rather than letters (three or more, a vowel, not all
// capitals: “docker”, not “DB” or “NGINX”) is read as Koreans say the word where its end differs from
// the last letter's name: 도커, 서버 (-er/-or/-ar), 앱, 웹, 셋업 (-p, -b), 스택 (-ck), 골랭 (-ng),
// 홈, 엔진, 알파인 (silent e after m, n), 파일, 콘솔 (-le), 캣, 킷, 넷, 픽 (a short vowel then t or k:
// tomcat, buildkit, dotnet, traefik; root and boot stay 루트, 부트), and 허브 (hub). Any other ending
// reads as its letter. The first ending that matches decides.
const wordEndings: [ending: RegExp, sound: FinalSound][] = [
  [/[aeiou]r$/, 'vowel'],
  [/ub$/, 'vowel'],
  [/[aeiou](p|pp|b|bb)$/, 'consonant'],
  [/(^|[^aeiou])[aeiou][tk]$/, 'consonant'],
  [/(ck|ng|[mn]e)$/, 'consonant'],
  [/le$/, 'rieul'],
];

/** The sound of a Latin letter ending `word` (the letters before it, with it). */
function latinSound(word: string): FinalSound {
  const lower = word.toLowerCase();
  const isWord = word.length >= 3 && /[aeiou]/.test(lower) && word !== word.toUpperCase();
  const spoken = isWord ? wordEndings.find(([ending]) => ending.test(lower))?.[1] : undefined;
  return spoken ?? letterSounds[lower.at(-1)!] ?? 'vowel';
}

const hangulFirst = 0xac00;
const hangulLast = 0xd7a3;
// Unicode §3.12: a syllable is 0xAC00 + (initial × 21 + vowel) × 28 + final; final 0 is none, 8 is ㄹ.
const finalsPerVowel = 28;
const finalRieul = 8;

/**
 * The sound a value ends in, read from its last letter or digit (punctuation, quotes, brackets,
 * spaces and emoji are skipped); undefined when there is none, or when it is a letter of a script
 * whose reading is not known here (kana, Cyrillic…).
 */
export function finalSound(value: string): FinalSound | undefined {
  // Full-width and other compatibility forms as their plain letters: “ｗｅｂ” is web.
  const chars = Array.from(value.normalize('NFKC'));
  for (let i = chars.length - 1; i >= 0; i--) {
    const char = chars[i]!;
    const code = char.codePointAt(0)!;
    if (code >= hangulFirst && code <= hangulLast) {
      const final = (code - hangulFirst) % finalsPerVowel;
      return final === 0 ? 'vowel' : final === finalRieul ? 'rieul' : 'consonant';
    }
    // Compatibility forms and accents read as their base letter: “é” as e, “１” as 1.
    const plain = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    for (const base of Array.from(plain).reverse()) {
      if (base >= '0' && base <= '9') return digitSounds[base];
      if (base >= 'a' && base <= 'z') return isHexId(chars, i) ? (letterSounds[base] ?? 'vowel') : latinSound(latinWordEndingAt(chars, i));
      if (/[\p{L}\p{N}]/u.test(base)) return undefined;
    }
  }
  return undefined;
}

/**
 * Whether chars[end] ends an id (six or more hex digits with a digit among them, “a3f0c7e1dabb”):
 * ids are read letter by letter, so its letters are no word even where they look like one (“dabb”).
 */
function isHexId(chars: string[], end: number): boolean {
  let start = end;
  while (start > 0 && /^[0-9A-Za-z]$/.test(chars[start - 1]!)) start--;
  const token = chars.slice(start, end + 1).join('');
  return token.length >= 6 && /^[0-9a-f]+$/i.test(token) && /\d/.test(token);
}

/** The ASCII letters that end at chars[end]: “docker” in “my-docker”. */
function latinWordEndingAt(chars: string[], end: number): string {
  let start = end;
  while (start > 0 && /^[A-Za-z]$/.test(chars[start - 1]!)) start--;
  return /^[A-Za-z]$/.test(chars[end]!) ? chars.slice(start, end + 1).join('') : chars[end]!.normalize('NFKD').replace(/\p{M}/gu, '');
}

/**
 * The particle of `pair` (consonant-form/vowel-form, e.g. '을/를', '으로/로') that follows `value`;
 * when the value gives nothing to decide from, the hedged form the catalogs used to write:
 * '을(를)', '(으)로'.
 */
export function particleFor(value: string, pair: string): string {
  const [afterConsonant = '', afterVowel = ''] = pair.split('/');
  switch (finalSound(value)) {
    case 'vowel':
      return afterVowel;
    case 'rieul':
      return afterConsonant.startsWith('으') ? afterVowel : afterConsonant;
    case 'consonant':
      return afterConsonant;
    default:
      return afterConsonant.endsWith(afterVowel) ? `(${afterConsonant.slice(0, -afterVowel.length)})${afterVowel}` : `${afterConsonant}(${afterVowel})`;
  }
}

const pairOption = /^[\uac00-\ud7a3]+\/[\uac00-\ud7a3]+$/;

/**
 * The pair named in a format such as `josa(을/를)`. i18next parses the parentheses as options and
 * merges them with t()'s own values, so the pair arrives as a key (“을/를”) among names like `name`
 * or `count`; t() values are identifiers, never Hangul, so the key is unambiguous.
 */
function pairIn(options: object | undefined): string | undefined {
  return Object.keys(options ?? {}).find((key) => pairOption.test(key));
}

/**
 * The formatters as an i18next module: `i18next.createInstance().use(koreanParticles).init(…)`
 * registers them as the instance starts, so every instance that renders the Korean catalog has them.
 */
export const koreanParticles: ThirdPartyModule = { type: '3rdParty', init: (instance) => addParticleFormatters(instance) };

/**
 * Registers two i18next formatters on `instance` (call once, after init):
 * - `{{name, josa(을/를)}}` → the value and its particle: “nginx를”;
 * - `{{name, particle(은/는)}}` → the particle alone, for after a closing quote or bracket:
 *   “{{name}}”{{name, particle(은/는)}} → “nginx”는 (decided from the name, which is what a reader hears).
 */
export function addParticleFormatters(instance: I18n): void {
  const formatter = instance.services.formatter;
  if (!formatter) throw new Error('i18next has no formatter: call addParticleFormatters after init');
  formatter.add('josa', (value: unknown, _lng: string | undefined, options: object | undefined) => {
    const pair = pairIn(options);
    const text = String(value);
    return pair ? text + particleFor(text, pair) : text;
  });
  formatter.add('particle', (value: unknown, _lng: string | undefined, options: object | undefined) => {
    const pair = pairIn(options);
    return pair ? particleFor(String(value), pair) : '';
  });
}
