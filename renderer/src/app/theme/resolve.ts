/** What a person picks in the theme switch; "system" follows the OS and changes with it. */
export const themeChoices = ['system', 'light', 'dark', 'high-contrast'] as const;
export type ThemeChoice = (typeof themeChoices)[number];
/** What is drawn: the value of `data-theme` on <html>, naming one block of colour tokens. */
export type AppliedTheme = Exclude<ThemeChoice, 'system'>;

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (themeChoices as readonly string[]).includes(value);
}

/**
 * The theme to draw for a choice: "system" becomes dark or light from the OS's
 * `prefers-color-scheme`, and an OS asking for more contrast (`prefers-contrast: more`, or
 * Windows' forced colours) gets the high-contrast theme; an explicit choice always wins.
 */
export function resolveTheme(choice: ThemeChoice, os: { dark: boolean; moreContrast?: boolean }): AppliedTheme {
  if (choice !== 'system') return choice;
  if (os.moreContrast) return 'high-contrast';
  return os.dark ? 'dark' : 'light';
}

/** The next choice in the switch's order: what "Switch theme" in the palette moves to. */
export function nextThemeChoice(choice: ThemeChoice): ThemeChoice {
  return themeChoices[(themeChoices.indexOf(choice) + 1) % themeChoices.length]!;
}
