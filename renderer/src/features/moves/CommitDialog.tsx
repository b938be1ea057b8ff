import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerCommitCommand } from '../../../../engine/contract/cli';
import { containerCommitInput } from '../../../../engine/contract/schemas';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { openImage } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shortId } from '../../ui/format';
import { firstProblemText } from '../../ui/inputProblem';
import { changeLines, changesProblem } from './change-lines';
import { ChangeLinesField } from './ChangeLinesField';
import { NewImage } from './NewImage';

const fields = containerCommitInput.shape;

/** docker commit: the container's file system and settings as a new image, named or not. */
export function CommitDialog({ container, name, onClose }: { container: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reference, setReference] = useState('');
  const [message, setMessage] = useState('');
  const [author, setAuthor] = useState('');
  const [pause, setPause] = useState(true);
  const [changesText, setChangesText] = useState('');
  const changes = changeLines(changesText);
  const referenceProblem = reference ? firstProblemText(t, fields.reference, reference.trim()) : undefined;
  const messageProblem = firstProblemText(t, fields.message, message);
  const authorProblem = firstProblemText(t, fields.author, author);
  const blocked = Boolean(referenceProblem || messageProblem || authorProblem || changesProblem(t, changesText));
  const commit = useMutation({
    mutationFn: () => berth.containers.commit.mutate({ container, reference: reference.trim(), message, author, pause, changes }),
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  return (
    <Dialog title={t('moves.commitTitle', { name })} onClose={onClose}>
      <label className="field">
        <span className="field__label">{t('moves.imageName')}</span>
        <input className="input" data-autofocus value={reference} placeholder={`${name}:latest`} onChange={(e) => setReference(e.target.value)} />
        {referenceProblem && <span className="field__problem">{referenceProblem}</span>}
      </label>
      <label className="field">
        <span className="field__label">{t('moves.message')}</span>
        <input className="input" value={message} onChange={(e) => setMessage(e.target.value)} />
        {messageProblem && <span className="field__problem">{messageProblem}</span>}
      </label>
      <label className="field">
        <span className="field__label">{t('moves.author')}</span>
        <input className="input" value={author} onChange={(e) => setAuthor(e.target.value)} />
        {authorProblem && <span className="field__problem">{authorProblem}</span>}
      </label>
      <label className="checkbox-field">
        <input type="checkbox" checked={pause} onChange={(e) => setPause(e.target.checked)} />
        <span>{t('moves.pause')}</span>
      </label>
      <ChangeLinesField value={changesText} onChange={setChangesText} />
      <CommandPreview command={containerCommitCommand({ container: name, reference: reference.trim(), message, author, pause, changes })} />
      {commit.isPending && (
        <p className="cell--muted" role="status">
          {t('moves.committing')}
        </p>
      )}
      {commit.error && <ErrorNotice error={toBerthError(commit.error)} />}
      {commit.data && (
        <NewImage
          id={commit.data.id}
          text={reference.trim() ? t('moves.committedAs', { reference: reference.trim(), id: shortId(commit.data.id) }) : t('moves.committed', { id: shortId(commit.data.id) })}
          onOpen={() => {
            onClose();
            openImage(reference.trim() || commit.data.id);
          }}
        />
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="button" className="button button--primary" disabled={blocked || commit.isPending} onClick={() => commit.mutate()}>
          {t('moves.commit')}
        </button>
      </div>
    </Dialog>
  );
}
