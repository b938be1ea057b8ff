import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergedLogsCommand } from '../../../../engine/contract/cli';
import type { MergedLogEvent } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { watchEngineStatus } from '../../rpc/engine-sync';
import { engineSince, followAcrossEngineRestarts } from '../../rpc/follow';
import { closeContainer } from '../../state/ui-store';
import { CommandPreview } from '../../ui/CommandPreview';
import { TerminalFeed } from '../../ui/bounded-lines';
import { filterOutput } from '../../ui/output-filter';
import { revealInvisible } from '../../../../engine/contract/visible-text';
import { copySelectionOnCopyKey } from '../../ui/copy-keys';
import { useTerminal } from '../../ui/useTerminal';
import { useProjectLogs } from '../compose-projects/useProjectLogs';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { BerthErrorShape } from '../../../../engine/contract/errors';

const tail = 200;
const scrollback = 50_000;
// One ANSI colour per container, cycling: green, yellow, blue, magenta, cyan, bright variants.
const colours = ['32', '33', '34', '35', '36', '92', '93', '94', '95', '96'];
const reset = '\x1b[0m';

/**
 * Several containers' logs in one terminal, in time order, each line prefixed with its container's
 * name in its own colour. A Compose project's logs name lines by service and can leave services out.
 */
export function MergedLogsView({ ids: chosen }: { ids: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const project = useProjectLogs(chosen, tail);
  const ids = project?.ids ?? chosen;
  const labelOf = project?.labelOf;
  const [names, setNames] = useState<string[]>([]);
  // The engine's shape, worded when drawn (it follows a change of language, and quotes the engine).
  const [error, setError] = useState<BerthErrorShape>();
  const [notShown, setNotShown] = useState(0);
  const { containerRef, handle } = useTerminal({ convertEol: true, disableStdin: true, scrollback });

  useEffect(() => handle && copySelectionOnCopyKey(handle.terminal), [handle]);

  useEffect(() => {
    if (!handle) return;
    // Another set of containers (a service ticked on or off): start over on a clean screen.
    handle.terminal.reset();
    if (ids.length === 0) return;
    let sources: string[] = [];
    let width = 0;
    // While the terminal is still drawing, lines wait here: at most what it keeps. Words are looked
    // up when written (not a dependency: a language change must not restart the stream).
    const feed = new TerminalFeed(
      (text, done) => handle.terminal.write(text, done),
      (count) => {
        setNotShown((n) => n + count);
        return `${reset}\x1b[2m— ${i18n.t('merged.linesNotShown', { count })} —${reset}\n`;
      },
      scrollback,
    );
    const mark = (text: () => string) => feed.push(`${reset}\x1b[2m— ${text()} —${reset}\n`);
    // Followed across engine restarts, like a single container's log.
    const following = followAcrossEngineRestarts<MergedLogEvent>(
      (resumeFrom, callbacks) =>
        berth.logs.merged.subscribe(resumeFrom === undefined ? { ids: [...ids], tail } : { ids: [...ids], tail, sinceTime: engineSince(resumeFrom) }, callbacks),
      {
        onData(event) {
          if (event.kind === 'sources') {
            // A service label is anyone's text (Compose's rules bind only Compose): its controls are
            // written out as ⟨U+…⟩, or they would be obeyed at the start of every line.
            sources = (labelOf ? event.names.map((name, i) => labelOf(ids[i]!, name)) : event.names).map(revealInvisible);
            width = Math.max(...sources.map((n) => n.length));
            setNames(sources);
            return;
          }
          feed.push(
            event.lines
              .map((line) => {
                const name = (sources[line.source] ?? '?').padEnd(width);
                // A line obeys no control sequence but colours (output-filter.ts) and its colours end
                // with it, so no line writes over another or over a service's name, or colours the next;
                // a carriage return inside it starts a row that carries the name too. A carriage return
                // at its end is half of the CR LF the engine split the line at (every line of a container
                // with a TTY, or a Windows one): it starts no row of its own.
                const prefix = `${reset}\x1b[${colours[line.source % colours.length]}m${name} |${reset} ${line.stream === 'stderr' ? '\x1b[31m' : ''}`;
                return filterOutput(line.text)
                  .replace(/\n+$/, '')
                  .split('\n')
                  .map((row) => `${prefix}${row}${reset}\n`)
                  .join('');
              })
              .join(''),
          );
        },
        onError: (e) => setError(toBerthError(e)),
        onWaiting: () => mark(() => i18n.t('follow.waiting')),
        onResumed: (seconds) => mark(() => i18n.t('follow.resumed', { seconds, what: i18n.t('follow.logs') })),
        onEnded: () => mark(() => i18n.t('follow.ended')),
      },
      { watchStatus: watchEngineStatus },
    );
    return () => {
      following();
      feed.setPaused(true);
    };
    // labelOf follows ids (both come from the same list), so ids alone restarts the stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [handle, ids, i18n]);

  return (
    <section className="view container-detail" aria-labelledby="merged-title">
      <header className="view__header">
        <button type="button" className="button" onClick={closeContainer}>
          ← {t('detail.back')}
        </button>
        <h1 id="merged-title">{project ? project.title : t('merged.title', { count: ids.length })}</h1>
        <span className="cell--muted">{names.join(', ')}</span>
      </header>
      {project?.controls}
      <CommandPreview command={project ? project.command : mergedLogsCommand(names.length ? names : ids, tail)} />
      {project?.noneShown && <p className="cell--muted">{t('projectList.logs.noneShown')}</p>}
      {notShown > 0 && (
        <p className="cell--muted" role="status">
          {t('merged.linesNotShown', { count: notShown })}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      <div className="terminal-box" ref={containerRef} role="log" aria-label={t('merged.output')} />
    </section>
  );
}
