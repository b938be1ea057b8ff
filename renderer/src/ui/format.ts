/**
 * Formatting that follows the chosen language. The Intl formatters are made once per language and
 * kept: `Date#toLocaleString` builds one on every call (0.2 ms each in Chromium here, 7 ms for a
 * screen of rows; a kept formatter takes 0.002 ms), which made every list's render slower (issue 17).
 */

const kept = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.Collator>();

/** The formatter `make` builds for `key`, built on first use and kept (a handful of languages × kinds). */
function keptFormatter<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.Collator>(key: string, make: () => T): T {
  let formatter = kept.get(key) as T | undefined;
  if (!formatter) kept.set(key, (formatter = make()));
  return formatter;
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  const number = keptFormatter(`bytes:${locale}:${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }));
  return `${number.format(value)} ${units[unit]}`;
}

const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minutes ago" / "3분 전" for a Unix time in seconds. */
export function formatRelativeTime(unixSeconds: number, locale: string, nowMs = Date.now()): string {
  const delta = unixSeconds - nowMs / 1000;
  const format = keptFormatter(`relative:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, seconds] of steps) {
    if (Math.abs(delta) >= seconds || unit === 'second') {
      return format.format(Math.round(delta / seconds), unit);
    }
  }
  return format.format(0, 'second');
}

/** A date and time as `Date#toLocaleString(locale)` words it, for a Unix time in seconds. */
export function formatDateTime(unixSeconds: number, locale: string): string {
  return formatDate(new Date(unixSeconds * 1000), locale);
}

/**
 * A date and time as `Date#toLocaleString(locale)` words it (its default fields), for a Date or an
 * ISO 8601 text (the engine's `CreatedAt`). A text that is no date (a volume plugin may say
 * anything) is shown as it came, where toLocaleString would say "Invalid Date" in English.
 */
export function formatDate(date: Date | string, locale: string): string {
  const time = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(time.getTime())) return typeof date === 'string' ? date : '—';
  // A formatter holds the time zone it was made in; keyed by the offset too, a window left open
  // across a move (or a daylight-saving change) words times in the zone the machine is in now.
  const zone = time.getTimezoneOffset();
  const format = keptFormatter(`date:${locale}:${zone}`, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }));
  return format.format(time);
}

/** Orders names as people read them (`String#localeCompare` with the default locale, through one kept collator: 2.6× faster over 1,000 names). */
export function compareText(a: string, b: string): number {
  return keptFormatter('collator', () => new Intl.Collator()).compare(a, b);
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/**
 * A container's image as `docker ps` shows it: a name as it is, an image ID (what the engine
 * reports once the image's last tag is gone) shortened to its 12-character form, since
 * "sha256:20bda9…" in a narrow column says nothing.
 */
export function imageShown(image: string): string {
  return /^sha256:[0-9a-f]{64}$/.test(image) ? shortId(image) : image;
}
