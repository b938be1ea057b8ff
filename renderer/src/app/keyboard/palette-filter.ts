/**
 * How well a palette line matches what was typed, for cmdk's `filter` (0 hides the line). Every
 * typed word must be found, in the line's words or its keywords (the docker command, an image, a
 * short id): "stop web" finds "Stop web" and not "Open web". A word found at the start of one of
 * the line's words counts most, inside the line less, only in the keywords least; a shorter line
 * wins a tie, so "web" ranks "Open web" above "Open web-2".
 */
export function paletteScore(value: string, search: string, keywords: readonly string[] = []): number {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 1;
  const line = value.toLowerCase();
  const extra = keywords.join(' ').toLowerCase();
  let total = 0;
  for (const word of words) {
    const at = line.indexOf(word);
    if (at >= 0) total += at === 0 || /[\s:/(]/.test(line[at - 1]!) ? 1 : 0.75;
    else if (extra.includes(word)) total += 0.5;
    else return 0;
  }
  return (total / words.length) * (1 - Math.min(line.length, 500) / 1000);
}
