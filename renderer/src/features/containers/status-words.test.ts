import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { ko } from '../../i18n/ko';
import { parseDockerStatus, statusWords } from './status-words';
import { koreanParticles } from '../../i18n/josa';

const i18n = i18next.createInstance().use(koreanParticles);
await i18n.init({ resources: { en: { translation: en }, ko: { translation: ko } }, lng: 'en', interpolation: { escapeValue: false }, initAsync: false });

/**
 * Every form the engine writes. Durations are go-units' HumanDuration outputs (docker/go-units
 * duration_test.go, TestHumanDuration: "Less than a second", "1 second", "47 seconds", "About a
 * minute", "3 minutes", "About an hour", "2 hours", "3 days", "2 weeks", "3 months", "2 years"),
 * wrapped the way moby's container/state.go (State.String) wraps them. Written from those sources.
 */
const engineTexts = [
  'Up Less than a second',
  'Up 1 second',
  'Up 47 seconds',
  'Up About a minute',
  'Up 3 minutes',
  'Up About an hour',
  'Up 2 hours',
  'Up 3 days',
  'Up 2 weeks',
  'Up 3 months',
  'Up 2 years',
  'Up 5 minutes (Paused)',
  'Up 5 minutes (healthy)',
  'Up 5 minutes (unhealthy)',
  'Up 5 seconds (health: starting)',
  'Exited (0) 2 hours ago',
  'Exited (137) Less than a second ago',
  'Exited (-1) 1 second ago',
  'Restarting (1) 3 seconds ago',
  'Created',
  'Dead',
  'Removal In Progress',
];

describe('docker’s Status words, in the person’s language', () => {
  it('reads every form the engine writes, and says it back in English exactly as docker did', async () => {
    await i18n.changeLanguage('en');
    for (const text of engineTexts) {
      expect(parseDockerStatus(text), text).toBeDefined();
      expect(statusWords(i18n.t, text)).toBe(text);
    }
  });

  it('says them in Korean, with no English word of docker’s left', async () => {
    await i18n.changeLanguage('ko');
    expect(statusWords(i18n.t, 'Up 19 minutes (healthy)')).toBe('실행 중 · 19분째 (정상)');
    expect(statusWords(i18n.t, 'Exited (137) About an hour ago')).toBe('종료됨 (코드 137) · 약 1시간 전');
    const docker = /Up|Exited|Restarting|ago|second|minute|hour|day|week|month|year|Paused|healthy|health|Created|Removal|Less|About/;
    for (const text of engineTexts) expect(statusWords(i18n.t, text), text).not.toMatch(docker);
  });

  it('leaves text it does not know as the engine wrote it', async () => {
    await i18n.changeLanguage('ko');
    expect(parseDockerStatus('Up forever')).toBeUndefined();
    expect(statusWords(i18n.t, 'Something new')).toBe('Something new');
    expect(statusWords(i18n.t, '')).toBe('');
  });
});
