/** Formatting that follows the chosen language. */

export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`;
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
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, seconds] of steps) {
    if (Math.abs(delta) >= seconds || unit === 'second') {
      return format.format(Math.round(delta / seconds), unit);
    }
  }
  return format.format(0, 'second');
}

export function formatDateTime(unixSeconds: number, locale: string): string {
  return new Date(unixSeconds * 1000).toLocaleString(locale);
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
