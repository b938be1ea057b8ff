import { z } from 'zod';
import { currentLogDir, readLogTail } from '../../shared/log.js';
import { diagnosticsReport } from '../../shared/diagnostics.js';
import { procedure, router } from '../trpc.js';

/** Berth's own log and the diagnostics report (issue 17), for the Engine view. */
export const diagnosticsRoutes = router({
  /** The newest `lines` lines of Berth's log (JSON, redacted), newest last, and the folder it is in. */
  log: procedure
    .input(z.object({ lines: z.number().int().min(1).max(1000) }).strict())
    .query(async ({ input }) => ({ folder: currentLogDir() ?? null, lines: await readLogTail(input.lines) })),
  /** The plain-text report "Copy diagnostics" puts on the clipboard. */
  report: procedure.query(async ({ ctx }) => ({ text: await diagnosticsReport(ctx.engine) })),
});
