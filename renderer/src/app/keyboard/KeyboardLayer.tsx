import { CommandPalette } from './CommandPalette';
import { ContainerActionDialog } from './ContainerActionDialog';
import { KeyboardHelp } from './KeyboardHelp';
import { useKeyboardStore } from './keyboard-store';
import { useShortcuts } from './useShortcuts';

/** The window's shortcuts and what they open: the quick-search palette, the keyboard help, a confirmation. */
export function KeyboardLayer() {
  useShortcuts();
  const palette = useKeyboardStore((s) => s.palette);
  const help = useKeyboardStore((s) => s.help);
  const pending = useKeyboardStore((s) => s.pendingAction);
  return (
    <>
      {palette && <CommandPalette />}
      {help && <KeyboardHelp />}
      {pending && <ContainerActionDialog key={`${pending.action}:${pending.id}`} pending={pending} />}
    </>
  );
}
