// pino-roll 4 ships no types; this is the part of its API engine/shared/log.ts uses (pino-roll.js's JSDoc).
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  interface PinoRollOptions {
    file: string | (() => string);
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
    mkdir?: boolean;
    /** Passed to sonic-boom: write each line at once. */
    sync?: boolean;
    /** File mode for new log files. */
    mode?: number;
  }
  export default function pinoRoll(options: PinoRollOptions): Promise<DestinationStream & { flush(cb?: (err?: Error) => void): void; end(): void }>;
}
