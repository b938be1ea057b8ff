import type { ITheme } from '@xterm/xterm';
import { useUiStore } from '../../state/ui-store';
import { resolveTheme, type AppliedTheme } from './resolve';
import './themes.css';

const darkQuery = '(prefers-color-scheme: dark)';
const contrastQuery = '(prefers-contrast: more), (forced-colors: active)';
const listeners = new Set<(theme: AppliedTheme) => void>();

function osPreference(): { dark: boolean; moreContrast: boolean } {
  const media = globalThis.matchMedia;
  return { dark: media?.(darkQuery).matches ?? false, moreContrast: media?.(contrastQuery).matches ?? false };
}

/** The theme on <html> now (what the tokens in styles.css and themes.css resolve to). */
export function appliedTheme(): AppliedTheme {
  return resolveTheme(useUiStore.getState().theme, osPreference());
}

function apply(): void {
  const theme = appliedTheme();
  const root = document.documentElement;
  if (root.dataset.theme === theme) return;
  root.dataset.theme = theme;
  for (const listener of listeners) listener(theme);
}

/**
 * Draws the chosen theme and keeps it drawn: on a new choice in the store, and — for "system" —
 * whenever the OS switches between light and dark (matchMedia change events, no polling).
 * Called once at start, before the first render, so no frame shows the wrong colours.
 */
export function startThemes(): void {
  apply();
  useUiStore.subscribe((state, previous) => {
    if (state.theme !== previous.theme) apply();
  });
  for (const query of [darkQuery, contrastQuery]) globalThis.matchMedia?.(query).addEventListener('change', apply);
}

/** Hears every change of the drawn theme; returns the way to stop hearing. */
export function onThemeChange(listener: (theme: AppliedTheme) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A colour token's value as written in the CSS (hex), or undefined when this theme leaves it out. */
export function token(name: string): string | undefined {
  const value = getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim();
  return value || undefined;
}

// xterm's ANSI colour names; a theme that defines `--ansi-<name>` replaces xterm's default for it
// (the light theme must: xterm's default white is invisible on a light background).
const ansiNames = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

/** The xterm theme made from the current tokens (--term-*, --ansi-*), for terminals and log views. */
export function terminalTheme(): ITheme {
  const theme: ITheme = {
    background: token('term-bg'),
    foreground: token('term-ink'),
    cursor: token('term-cursor'),
    cursorAccent: token('term-bg'),
    selectionBackground: token('term-selection'),
  };
  const colours = theme as Record<string, string | undefined>;
  for (const name of ansiNames) {
    colours[name] = token(`ansi-${name}`);
    colours[`bright${name[0]!.toUpperCase()}${name.slice(1)}`] = token(`ansi-bright-${name}`);
  }
  return Object.fromEntries(Object.entries(theme).filter(([, v]) => v !== undefined)) as ITheme;
}

/** Search highlights in a log view, from the tokens (the search addon wants #RRGGBB). */
export function searchDecorations() {
  // Every theme defines both (the light one in styles.css's :root).
  const match = token('term-match') ?? '';
  const active = token('term-match-active') ?? '';
  return { matchBackground: match, activeMatchBackground: active, matchOverviewRuler: active, activeMatchColorOverviewRuler: active };
}

/** Keeps a terminal's colours on the current theme: set now and on every change, until the returned stop. */
export function followTheme(terminal: { options: { theme?: ITheme } }): () => void {
  terminal.options.theme = terminalTheme();
  return onThemeChange(() => {
    terminal.options.theme = terminalTheme();
  });
}
