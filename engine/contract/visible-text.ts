/**
 * Characters that change how text reads without being seen: C0 and C1 controls (a newline too: a
 * name is one line), DEL, zero-width and joiner marks, the bidi embeddings, overrides and isolates,
 * and the byte-order mark. A label or name holding U+202E (RIGHT-TO-LEFT OVERRIDE) shows "evil" as
 * "live"; a zero-width space makes two names that look the same (CVE-2021-42574, "Trojan Source").
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const invisible = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * `text` as it can be shown in a list for a person to read: every invisible or direction-changing
 * character written out as ⟨U+XXXX⟩, everything else (any script, emoji, markup, `{{…}}`) as it is.
 * For display only: actions keep the engine's own text (or, better, the id).
 */
export function revealInvisible(text: string): string {
  return text.replace(invisible, (char) => `⟨U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
