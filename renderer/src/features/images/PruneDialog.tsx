import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imagePruneCommand } from '../../../../engine/contract/cli';
import type { ActionOutcome, PruneMode } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { CommandPreview } from '../../ui/CommandPreview';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes, shortId } from '../../ui/format';
import { shortDigestReference } from './image-names';

/** Prune shows exactly what it will delete, and how much space that frees at most, before deleting. */
export function PruneDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<PruneMode>('dangling');
  const preview = useQuery({
    queryKey: ['image-prune-preview', mode],
    queryFn: () => berth.images.prunePreview.query({ mode }),
    staleTime: 0,
    gcTime: 0,
  });
  const prune = useMutation({
    mutationFn: (ids: string[]) => berth.images.prune.mutate({ ids }),
  });
  const images = preview.data?.images ?? [];
  const failures = (prune.data ?? []).filter((o: ActionOutcome) => !o.ok);
  return (
    <Dialog title={t('prune.title')} onClose={onClose}>
      <fieldset className="radio-group" disabled={prune.isPending || prune.isSuccess}>
        <legend>{t('prune.which')}</legend>
        <label className="checkbox-field">
          <input type="radio" name="prune-mode" checked={mode === 'dangling'} onChange={() => setMode('dangling')} />
          <span>{t('prune.dangling')}</span>
        </label>
        <label className="checkbox-field">
          <input type="radio" name="prune-mode" checked={mode === 'unused'} onChange={() => setMode('unused')} />
          <span>{t('prune.unused')}</span>
        </label>
      </fieldset>
      <CommandPreview command={imagePruneCommand(mode)} />
      {preview.error && <ErrorNotice error={toBerthError(preview.error)} />}
      {preview.data && !prune.isSuccess && (
        <>
          <p>
            {images.length
              ? t('prune.willDelete', { count: images.length, size: formatBytes(preview.data.totalSize, i18n.language) })
              : t('prune.nothing')}
          </p>
          <ul className="dialog__list" aria-label={t('prune.list')}>
            {images.map((image) => (
              <li key={image.id}>
                {/* Named as the list names it: tags, else repository@digest (pulled by digest only), else <none> and the id. */}
                {image.tags.length ? image.tags.join(', ') : image.digests.length ? image.digests.map(shortDigestReference).join(', ') : `<none> ${shortId(image.id)}`}{' '}
                <span className="cell--muted">({formatBytes(image.size, i18n.language)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {prune.isSuccess && (
        <p className="notice notice--ok" role="status">
          {t('prune.deleted', { count: prune.data.length - failures.length })}
        </p>
      )}
      {failures.map((f) => f.error && <ErrorNotice key={f.id} title={shortId(f.id)} error={f.error} />)}
      {prune.error && <ErrorNotice error={toBerthError(prune.error)} />}
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus onClick={onClose}>
          {prune.isSuccess ? t('common.close') : t('common.cancel')}
        </button>
        {!prune.isSuccess && (
          <button
            type="button"
            className="button button--danger"
            disabled={images.length === 0 || prune.isPending}
            onClick={() => prune.mutate(images.map((i) => i.id))}
          >
            {t('prune.submit', { count: images.length })}
          </button>
        )}
      </div>
    </Dialog>
  );
}
