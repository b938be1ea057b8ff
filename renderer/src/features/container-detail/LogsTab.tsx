import { SearchAddon } from '@xterm/addon-search';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerLogsCommand } from '../../../../engine/contract/cli';
import type { LogEvent } from '../../../../engine/contract/types';
import { berth } from '../../rpc/client';
import { toBerthError } from '../../rpc/errors';
import { watchEngineStatus } from '../../rpc/engine-sync';
import { engineSince, followAcrossEngineRestarts } from '../../rpc/follow';
import { CommandPreview } from '../../ui/CommandPreview';
import { SaveLink } from '../../ui/SaveLink';
import { setLogScrollback, useUiStore } from '../../state/ui-store';
import { TerminalFeed } from '../../ui/bounded-lines';
import { OutputFilter } from '../../ui/output-filter';
import { copySelectionOnCopyKey } from '../../ui/copy-keys';
import { useTerminal } from '../../ui/useTerminal';
import { searchDecorations } from '../../app/theme/apply-theme';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { BerthErrorShape } from '../../../../engine/contract/errors';

type Since = '5m' | '1h' | 'all';
type Tail = 1000 | 10000 | 'all';
/** "all" as the contract counts it: the schema's ceiling is far above what anyone scrolls. */
const allLines = 100_000_000;
// stderr in red, so the two streams are told apart at a glance (TTY containers have only one).
const stderrColour = '\x1b[31m';
const reset = '\x1b[0m';


/** The container's log in a terminal: last 1,000 lines, then live; search, timestamps, since, pause, clear, download. */
export function LogsTab({ id, name, gone = false }: { id: string; name: string; /** The container is no longer in the engine's list. */ gone?: boolean }) {
  const { t } = useTranslation();
  const scrollback = useUiStore((s) => s.logScrollback);
  const { containerRef, handle } = useTerminal({ convertEol: true, disableStdin: true, scrollback, allowProposedApi: true }, undefined, { scrollback });
  const [since, setSince] = useState<Since>('all');
  const [tail, setTail] = useState<Tail>(1000);
  const [timestamps, setTimestamps] = useState(false);
  const [paused, setPaused] = useState(false);
  const [query, setQuery] = useState('');
  const [regex, setRegex] = useState(false);
  const [results, setResults] = useState<{ index: number; count: number }>();
  // The engine's shape, worded when drawn (it follows a change of language, and quotes the engine).
  const [error, setError] = useState<BerthErrorShape>();
  const [notShown, setNotShown] = useState(0);
  // A server that logs nothing (busybox httpd, many databases at rest) left a newcomer before an
  // empty box, unsure whether logs work at all: say so until its first line comes.
  const [quiet, setQuiet] = useState(false);
  const spoke = useRef(false);
  const feed = useRef<TerminalFeed | undefined>(undefined);
  const pausedRef = useRef(paused);
  const search = useRef<SearchAddon | undefined>(undefined);

  useEffect(() => handle && copySelectionOnCopyKey(handle.terminal), [handle]);

  useEffect(() => {
    if (!handle) return;
    const addon = new SearchAddon({ highlightLimit: 10_000 });
    handle.terminal.loadAddon(addon);
    const subscription = addon.onDidChangeResults((r) => setResults({ index: r.resultIndex, count: r.resultCount }));
    search.current = addon;
    return () => {
      subscription.dispose();
      addon.dispose();
    };
  }, [handle]);

  useEffect(() => {
    if (!handle) return;
    const { terminal } = handle;
    terminal.reset();
    // Paused, or still drawing: lines wait here, at most what the terminal keeps (its scrollback).
    const lines = new TerminalFeed(
      (text, done) => terminal.write(text, done),
      (count) => {
        setNotShown((n) => n + count);
        return `${reset}\x1b[2m— ${t('logs.linesNotShown', { count })} —${reset}\n`;
      },
      scrollback,
    );
    lines.setPaused(pausedRef.current);
    feed.current = lines;
    const write = (text: string) => lines.push(text);
    spoke.current = false;
    // Berth's own marks start from plain attributes: a container's colours (or concealed text) must not reach them.
    const mark = (text: string) => write(`${reset}\x1b[2m— ${text} —${reset}\n`);
    // The container's bytes keep their colours but obey no other control sequence (output-filter.ts).
    const filters = { stdout: new OutputFilter(), stderr: new OutputFilter() };
    // Followed across engine restarts: a cut stream opens again from when its last lines came.
    const following = followAcrossEngineRestarts<LogEvent>(
      (resumeFrom, callbacks) =>
        berth.logs.follow.subscribe(
          resumeFrom === undefined
            ? { id, tail: tail === 'all' ? allLines : tail, since, timestamps, follow: true }
            : { id, tail: allLines, since, timestamps, follow: true, sinceTime: engineSince(resumeFrom) },
          callbacks,
        ),
      {
        onData(event) {
          if (event.kind === 'output') {
            if (!spoke.current) {
              spoke.current = true;
              setQuiet(false);
            }
            write(
              event.segments
                .map((s) => {
                  const text = filters[s.stream].push(s.text);
                  return s.stream === 'stderr' ? stderrColour + text + reset : text;
                })
                .join(''),
            );
          } else {
            mark(t(`logs.notices.${event.notice}`));
          }
        },
        onStarted() {
          setError(undefined);
          if (!spoke.current) setQuiet(true);
        },
        onError(e) {
          setError(toBerthError(e));
        },
        onWaiting: () => mark(t('follow.waiting')),
        onResumed: (seconds) => mark(t('follow.resumed', { seconds, what: t('follow.logs') })),
        onEnded: () => mark(t('follow.ended')),
      },
      { watchStatus: watchEngineStatus, isFinal: (event) => event.kind === 'notice' && event.notice === 'removed' },
    );
    return () => {
      following();
      lines.setPaused(true);
      // The next stream starts on a fresh terminal: nothing of it is missing yet.
      setNotShown(0);
      setQuiet(false);
    };
    // The scrollback is read when the stream (re)starts; changing it later needs no new stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [handle, id, since, tail, timestamps, t]);

  const togglePause = () => {
    const next = !paused;
    pausedRef.current = next;
    setPaused(next);
    feed.current?.setPaused(next);
  };

  const find = (direction: 'next' | 'previous') => {
    const options = { regex, decorations: searchDecorations() };
    if (!query) return search.current?.clearDecorations();
    if (direction === 'next') search.current?.findNext(query, options);
    else search.current?.findPrevious(query, options);
  };

  const regexProblem = regex && query ? invalidRegex(query) : undefined;

  return (
    <div className="logs-tab">
      <div className="toolbar logs-tab__controls" role="toolbar" aria-label={t('logs.controls')}>
        <label className="select-field">
          <span>{t('logs.since')}</span>
          <select value={since} onChange={(e) => setSince(e.target.value as Since)}>
            <option value="5m">{t('logs.sinceChoices.5m')}</option>
            <option value="1h">{t('logs.sinceChoices.1h')}</option>
            <option value="all">{t('logs.sinceChoices.all')}</option>
          </select>
        </label>
        <label className="select-field">
          <span>{t('logs.tail')}</span>
          <select value={String(tail)} onChange={(e) => setTail(e.target.value === 'all' ? 'all' : (Number(e.target.value) as Tail))}>
            <option value="1000">{t('logs.tailChoices.1000')}</option>
            <option value="10000">{t('logs.tailChoices.10000')}</option>
            <option value="all">{t('logs.tailChoices.all')}</option>
          </select>
        </label>
        <label className="select-field">
          <span>{t('logs.scrollback')}</span>
          <select value={String(scrollback)} onChange={(e) => setLogScrollback(Number(e.target.value))}>
            {[10_000, 50_000, 200_000].map((n) => (
              <option key={n} value={n}>
                {t('logs.scrollbackLines', { count: n })}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox-field">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />
          <span>{t('logs.timestamps')}</span>
        </label>
        <button type="button" className="button" aria-pressed={paused} onClick={togglePause}>
          {paused ? t('logs.resume') : t('logs.pause')}
        </button>
        <button type="button" className="button" onClick={() => handle?.terminal.clear()}>
          {t('logs.clear')}
        </button>
        <SaveLink href={`download/logs/${encodeURIComponent(id)}`} save={(files) => void files.saveLogs(id).catch((e: unknown) => setError(toBerthError(e)))}>
          {t('logs.download')}
        </SaveLink>
        <form
          className="logs-tab__search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            find('next');
          }}
        >
          <input
            type="search"
            className="input"
            aria-label={t('logs.searchLabel')}
            placeholder={t('logs.searchLabel')}
            value={query}
            aria-invalid={regexProblem ? true : undefined}
            onChange={(e) => {
              setQuery(e.target.value);
              setResults(undefined);
            }}
          />
          <label className="checkbox-field">
            <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} />
            <span>{t('logs.regex')}</span>
          </label>
          <button type="button" className="button" onClick={() => find('previous')} disabled={!query || Boolean(regexProblem)}>
            {t('logs.previous')}
          </button>
          <button type="submit" className="button" disabled={!query || Boolean(regexProblem)}>
            {t('logs.next')}
          </button>
          <span className="cell--muted" role="status" aria-label={t('logs.matches')}>
            {regexProblem ?? (results ? t('logs.matchCount', { count: results.count, index: results.index + 1 }) : '')}
          </span>
        </form>
      </div>
      <CommandPreview command={containerLogsCommand(name, { follow: true, tail, since, timestamps })} />
      {paused && <p className="cell--muted">{t('logs.pausedNote')}</p>}
      {notShown > 0 && (
        <p className="cell--muted" role="status">
          {t('logs.linesNotShown', { count: notShown })}
        </p>
      )}
      {quiet && !gone && !error && (
        <p className="cell--muted" role="status">
          {t('logs.nothingYet')}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      <div className="terminal-box" ref={containerRef} aria-label={t('logs.output')} role="log" />
    </div>
  );
}

function invalidRegex(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
