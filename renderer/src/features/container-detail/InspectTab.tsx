import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerInspectCommand } from '../../../../engine/contract/cli';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { CommandPreview } from '../../ui/CommandPreview';
import { QueryErrorNotice } from '../../ui/ErrorNotice';
import { JsonTree } from '../../ui/JsonTree';

export function InspectTab({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const [search, setSearch] = useState('');
  const [copied, setCopied] = useState(false);
  // Keyed under the containers list, so an engine event about this container refreshes it too.
  const { data, error } = useQuery({
    queryKey: [engineId, 'containers', 'inspect', id],
    queryFn: () => berth.containers.inspect.query({ id }),
    enabled: Boolean(engineId),
  });
  const copy = async () => {
    await navigator.clipboard.writeText(JSON.stringify(data, null, 2)).then(
      () => setCopied(true),
      () => undefined,
    );
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="inspect-tab">
      <div className="toolbar">
        <input
          type="search"
          className="input"
          aria-label={t('inspect.search')}
          placeholder={t('inspect.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="button" className="button" disabled={!data} onClick={() => void copy()}>
          {copied ? t('common.copied') : t('inspect.copy')}
        </button>
      </div>
      <CommandPreview command={containerInspectCommand(name)} />
      <QueryErrorNotice error={error} />
      {data && <JsonTree value={data as never} search={search} label={t('inspect.tree')} />}
    </div>
  );
}
