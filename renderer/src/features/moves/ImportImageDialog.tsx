import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imageImportCommand } from '../../../../engine/contract/cli';
import type { BerthErrorShape } from '../../../../engine/contract/errors';
import { imageImportInput } from '../../../../engine/contract/schemas';
import { desktopFiles, type DesktopFiles } from '../../rpc/desktop';
import { toBerthError } from '../../rpc/errors';
import { useTransfer } from '../../rpc/useTransfer';
import { openImage } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { shortId } from '../../ui/format';
import { firstProblemText } from '../../ui/inputProblem';
import { TransferStatus } from '../../ui/TransferStatus';
import { changeLines, changesProblem } from './change-lines';
import { ChangeLinesField } from './ChangeLinesField';
import { NewImage } from './NewImage';
import { uploadForAnswer } from './upload-answer';

const fields = imageImportInput.shape;

/** docker import: a file system tar (docker export, or a tar of a folder) as a new one-layer image. */
export function ImportImageDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File>();
  const [reference, setReference] = useState('');
  const [message, setMessage] = useState('');
  const [changesText, setChangesText] = useState('');
  const importing = useTransfer();
  const [made, setMade] = useState<{ id: string; reference: string }>();
  const [refusal, setRefusal] = useState<BerthErrorShape>();
  const changes = changeLines(changesText);
  const name = reference.trim();
  const referenceProblem = name ? firstProblemText(t, fields.reference, name) : undefined;
  const messageProblem = firstProblemText(t, fields.message, message);
  const blocked = Boolean(referenceProblem || messageProblem || changesProblem(t, changesText));
  const input = { reference: name, message, changes };
  const startInDesktop = (files: DesktopFiles) =>
    files
      .importImage({ ...input, transfer: importing.begin() })
      .then((answer) => (answer.chosen ? setMade({ id: answer.id, reference: name }) : importing.cancel()))
      .catch((e: unknown) => importing.fail(toBerthError(e)));
  const start = async () => {
    setMade(undefined);
    setRefusal(undefined);
    if (desktopFiles) return startInDesktop(desktopFiles);
    if (!file) return;
    const query = new URLSearchParams({ reference: name, message });
    for (const change of changes) query.append('change', change);
    query.set('transfer', importing.begin());
    const answer = await uploadForAnswer<{ id: string }>(`upload/image-import?${query.toString()}`, file, t('moves.connectionLost'));
    if (answer.ok) setMade({ id: answer.value.id, reference: name });
    else setRefusal(answer.error);
    void queryClient.invalidateQueries();
  };
  return (
    <Dialog title={t('moves.importTitle')} onClose={onClose}>
      {!desktopFiles && (
        <label className="field">
          <span className="field__label">{t('moves.importArchive')}</span>
          <input type="file" data-autofocus accept=".tar,.tar.gz,.tgz,application/x-tar,application/gzip" onChange={(e) => setFile(e.target.files?.[0])} />
        </label>
      )}
      <label className="field">
        <span className="field__label">{t('moves.imageName')}</span>
        <input className="input" value={reference} onChange={(e) => setReference(e.target.value)} />
        {referenceProblem && <span className="field__problem">{referenceProblem}</span>}
      </label>
      <label className="field">
        <span className="field__label">{t('moves.message')}</span>
        <input className="input" value={message} onChange={(e) => setMessage(e.target.value)} />
        {messageProblem && <span className="field__problem">{messageProblem}</span>}
      </label>
      <ChangeLinesField value={changesText} onChange={setChangesText} />
      <CommandPreview command={imageImportCommand({ file: file?.name ?? 'rootfs.tar', ...input })} />
      {refusal ? (
        <ErrorNotice error={refusal} />
      ) : (
        <TransferStatus progress={importing.progress} label={t('moves.importProgress')} runningText={t('moves.importing')} doneText={(size) => t('moves.importedBytes', { size })} />
      )}
      {made && (
        <NewImage
          id={made.id}
          text={t('moves.imported', { id: made.reference ? `${made.reference} (${shortId(made.id)})` : shortId(made.id) })}
          onOpen={() => {
            onClose();
            openImage(made.reference || made.id);
          }}
        />
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="button" className="button button--primary" disabled={blocked || (!file && !desktopFiles) || importing.running} onClick={() => void start()}>
          {desktopFiles ? t('moves.chooseAndImport') : t('moves.import')}
        </button>
      </div>
    </Dialog>
  );
}
