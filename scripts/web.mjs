/* global process */
// `npm run web` (and `npm run web:address` with the argument `address`): builds the renderer and the
// web host only if their sources changed (scripts/build.mjs), then runs the compiled web host.
import { ensureBuilt } from './build.mjs';

const address = process.argv[2] === 'address';
ensureBuilt(address ? ['web'] : ['renderer', 'web']);
await import(address ? '../out/web/login-address.js' : '../out/web/main.js');
