import { useEffect, useRef } from 'react';

/** The end of a log, as text, scrolled to its newest line. */
export function LogTail({ text, label }: { text: string; label: string }) {
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.scrollTop = ref.current.scrollHeight;
  }, [text]);
  return (
    <pre ref={ref} className="log-tail" aria-label={label}>
      {text}
    </pre>
  );
}
