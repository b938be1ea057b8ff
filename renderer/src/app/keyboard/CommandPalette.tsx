import { useQuery } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { commandLine, containerActionCommand, containerExecCommand, containerLogsCommand, imagePullCommand } from '../../../../engine/contract/cli';
import { berth } from '../../rpc/client';
import { useEngineStatus } from '../../rpc/engine-sync';
import { imagesQuery, queryKeys, volumesQuery } from '../../rpc/queries';
import { openContainer, openImage, openVolume, setLanguage, setTheme, showView, useUiStore, type Language } from '../../state/ui-store';
import { useContainers } from '../../features/containers/useContainers';
import { Dialog } from '../../ui/Dialog';
import { themeChoices } from '../theme/resolve';
import { askAction, closePalette, openHelp, requestPull } from './keyboard-store';
import { paletteScore } from './palette-filter';
import { sectionOrder } from './shortcuts';
import './palette.css';

const languageNames: Record<Language, string> = { en: 'English', ko: '한국어' };

/** One line of the palette: what it does, and (muted) the docker command it equals, if any. */
function Item({ label, command, keywords, onSelect }: { label: string; command?: string; keywords?: string[]; onSelect: () => void }) {
  return (
    <Command.Item
      value={label}
      keywords={[...(keywords ?? []), ...(command ? [command] : [])]}
      onSelect={() => {
        closePalette();
        onSelect();
      }}
      className="palette__item"
    >
      <span>{label}</span>
      {command && <code className="palette__command">{command}</code>}
    </Command.Item>
  );
}

function Group({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <Command.Group heading={heading} className="palette__group">
      {children}
    </Command.Group>
  );
}

/**
 * Ctrl/Cmd+K: one search over containers, images, volumes, networks, engines and actions, built on
 * cmdk (its fuzzy ranking, arrow keys, Enter). Typed words may name an action and a container
 * ("stop web", "logs db"); "pull nginx" offers the Pull dialog with that reference. A start or stop
 * asks first and shows its docker command.
 */
export function CommandPalette() {
  const { t } = useTranslation();
  const engineId = useEngineStatus()?.endpoint.id ?? '';
  const theme = useUiStore((s) => s.theme);
  const language = useUiStore((s) => s.language);
  const [search, setSearch] = useState('');
  const { data: containers = [] } = useContainers();
  const { data: images = [] } = useQuery({ ...imagesQuery(engineId), enabled: Boolean(engineId) });
  const { data: volumes = [] } = useQuery({ ...volumesQuery(engineId), enabled: Boolean(engineId) });
  const { data: networks = [] } = useQuery({ queryKey: queryKeys.resource(engineId, 'networks'), queryFn: () => berth.networks.list.query(), enabled: Boolean(engineId) });
  const { data: engines = [] } = useQuery({ queryKey: ['engines', 'palette'], queryFn: () => berth.engines.list.query(), staleTime: 0 });
  // A pull is offered for "pull …", or for text shaped like a reference (a tag, a registry, a digest),
  // not for every word typed ("stop" is not an image anyone means).
  const typed = search.trim();
  const reference = /^pull\s+/i.test(typed) ? typed.replace(/^pull\s+/i, '') : /[:/@]/.test(typed) ? typed : '';

  return (
    <Dialog title={t('keyboard.palette.title')} onClose={closePalette}>
      <Command label={t('keyboard.palette.title')} loop filter={paletteScore} className="palette">
        <Command.Input
          value={search}
          onValueChange={setSearch}
          aria-label={t('keyboard.palette.input')}
          placeholder={t('keyboard.palette.placeholder')}
          className="input palette__input"
          data-autofocus
        />
        <Command.List className="palette__list" aria-label={t('keyboard.palette.title')}>
          <Command.Empty className="palette__empty">{t('keyboard.palette.empty')}</Command.Empty>
          {reference && !/\s/.test(reference) && (
            <Group heading={t('keyboard.palette.groups.actions')}>
              <Item label={t('keyboard.palette.pull', { reference })} command={imagePullCommand(reference)} onSelect={() => { requestPull(reference); showView('images'); }} />
            </Group>
          )}
          <Group heading={t('keyboard.palette.groups.containers')}>
            {containers.map((c) => (
              <div key={c.id} role="none" className="palette__set">
                <Item label={t('keyboard.palette.open', { name: c.name })} keywords={[c.image, c.id.slice(0, 12)]} onSelect={() => openContainer(c.id, 'logs')} />
                <Item label={t('keyboard.palette.logs', { name: c.name })} command={containerLogsCommand(c.name, { follow: true, tail: 1000, since: 'all', timestamps: false })} keywords={['logs']} onSelect={() => openContainer(c.id, 'logs')} />
                {c.state === 'running' && (
                  // Berth opens bash when the image has it, else sh, and learns which only on opening (the
                  // Terminal tab then shows the exact command); sh is the one every image with a shell has.
                  <Item label={t('keyboard.palette.terminal', { name: c.name })} command={containerExecCommand(c.name, 'sh')} keywords={['terminal', 'shell', 'exec']} onSelect={() => openContainer(c.id, 'terminal')} />
                )}
                {c.state === 'running' || c.state === 'restarting' ? (
                  <Item label={t('keyboard.palette.stop', { name: c.name })} command={containerActionCommand('stop', [c.name])} onSelect={() => askAction({ action: 'stop', id: c.id, name: c.name })} />
                ) : c.state !== 'paused' && c.state !== 'removing' ? (
                  <Item label={t('keyboard.palette.start', { name: c.name })} command={containerActionCommand('start', [c.name])} onSelect={() => askAction({ action: 'start', id: c.id, name: c.name })} />
                ) : null}
              </div>
            ))}
          </Group>
          <Group heading={t('keyboard.palette.groups.images')}>
            {images.flatMap((image) => (image.tags.length ? image.tags : [image.id.replace(/^sha256:/, '').slice(0, 12)])).map((name) => (
              <Item key={name} label={t('keyboard.palette.openImage', { name })} onSelect={() => openImage(name)} />
            ))}
          </Group>
          <Group heading={t('keyboard.palette.groups.volumes')}>
            {volumes.map((v) => (
              <Item key={v.name} label={t('keyboard.palette.openVolume', { name: v.name })} onSelect={() => openVolume(v.name)} />
            ))}
          </Group>
          <Group heading={t('keyboard.palette.groups.networks')}>
            {networks.map((n) => (
              <Item key={n.id} label={t('keyboard.palette.network', { name: n.name })} command={commandLine(['network', 'inspect', n.name])} onSelect={() => showView('networks')} />
            ))}
          </Group>
          <Group heading={t('keyboard.palette.groups.engines')}>
            {engines.map((e) => (
              <Item key={e.endpoint.id} label={t('keyboard.palette.engine', { url: e.endpoint.url })} keywords={e.endpoint.contextName ? [e.endpoint.contextName] : []} onSelect={() => showView('engine')} />
            ))}
          </Group>
          <Group heading={t('keyboard.palette.groups.go')}>
            {sectionOrder.map((view) => (
              <Item key={view} label={t(`nav.${view}`)} onSelect={() => showView(view)} />
            ))}
            {themeChoices.filter((choice) => choice !== theme).map((choice) => (
              <Item key={choice} label={t('keyboard.palette.theme', { theme: t(`appearance.themes.${choice}`) })} keywords={['theme', 'dark', 'light']} onSelect={() => setTheme(choice)} />
            ))}
            {(Object.keys(languageNames) as Language[]).filter((l) => l !== language).map((l) => (
              <Item key={l} label={t('keyboard.palette.language', { language: languageNames[l] })} keywords={['language', 'korean', '한국어', 'english']} onSelect={() => setLanguage(l)} />
            ))}
            <Item label={t('keyboard.palette.help')} keywords={['keyboard', 'shortcuts', '?']} onSelect={openHelp} />
          </Group>
        </Command.List>
      </Command>
    </Dialog>
  );
}
