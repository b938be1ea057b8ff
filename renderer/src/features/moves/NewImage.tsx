import { useTranslation } from 'react-i18next';

/** The image a commit or an import made: what it is called, and a way to open it. */
export function NewImage({ id, text, onOpen }: { id: string; text: string; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="notice notice--ok" role="status">
      <span title={id}>{text}</span>{' '}
      <button type="button" className="button button--small" onClick={onOpen}>
        {t('moves.openImage')}
      </button>
    </p>
  );
}
