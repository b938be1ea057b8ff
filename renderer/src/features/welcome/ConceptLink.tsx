import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import './welcome.css';

/** The ideas a newcomer meets first, each with the docker command it equals. */
export const conceptCommands = {
  image: 'docker image ls && docker history busybox',
  container: 'docker run -d --name web nginx && docker ps',
  volume: 'docker volume create data && docker run -d -v data:/var/lib/data busybox',
  ports: 'docker run -d -p 8080:80 nginx',
  exec: 'docker exec -it web sh',
} as const;
export type Concept = keyof typeof conceptCommands;
export const concepts = Object.keys(conceptCommands) as Concept[];

/** A link to a one-paragraph explanation of `concept`, opened in a dialog with its command. */
export function ConceptLink({ concept }: { concept: Concept }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link-button concept-link" onClick={() => setOpen(true)}>
        {t(`concepts.${concept}.link`)}
      </button>
      {open && (
        <Dialog title={t(`concepts.${concept}.title`)} onClose={() => setOpen(false)}>
          <p className="concept__body">{t(`concepts.${concept}.body`)}</p>
          <CommandPreview label={t('concepts.command')} command={conceptCommands[concept]} />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {t('concepts.close')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
