import type { TFunction } from 'i18next';
import { containerCommitInput } from '../../../../engine/contract/schemas';
import { firstProblemText } from '../../ui/inputProblem';

/** The --change lines of a text box: one instruction a line, blank lines skipped. */
export function changeLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

const changes = containerCommitInput.shape.changes.unwrap();

/**
 * What is wrong with the first bad --change line, with its line number (of the text box, blank
 * lines counted), by the same rule docker commit and docker import apply on the trusted side.
 */
export function changesProblem(t: TFunction, text: string): string | undefined {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    const problem = firstProblemText(t, changes.element, line.trim());
    if (problem) return t('moves.lineProblem', { line: index + 1, problem });
  }
  return firstProblemText(t, changes, changeLines(text));
}
