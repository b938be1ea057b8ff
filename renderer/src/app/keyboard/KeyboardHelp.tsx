import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { closeHelp } from './keyboard-store';
import { isMac, shortcutTable } from './shortcuts';

/** `?`: every shortcut with its keys on this platform, from the same table the key map is tested against. */
export function KeyboardHelp() {
  const { t } = useTranslation();
  return (
    <Dialog title={t('keyboard.help.title')} onClose={closeHelp}>
      <table className="simple-table keyboard-help">
        <thead>
          <tr>
            <th scope="col">{t('keyboard.help.keys')}</th>
            <th scope="col">{t('keyboard.help.does')}</th>
          </tr>
        </thead>
        <tbody>
          {shortcutTable(isMac()).map((row) => (
            <tr key={row.does}>
              <td>
                <kbd>{row.keys}</kbd>
              </td>
              <td>{t(`keyboard.does.${row.does}` as 'keyboard.does.palette')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="cell--muted">{t('keyboard.help.outside')}</p>
      <div className="dialog__actions">
        <button type="button" className="button" data-autofocus onClick={closeHelp}>
          {t('keyboard.help.close')}
        </button>
      </div>
    </Dialog>
  );
}
