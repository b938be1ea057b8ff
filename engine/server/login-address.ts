import { berthPaths } from '../hosts/paths.js';
import { askLoginAddress, loginSocketPath } from './login-channel.js';

/**
 * `npm run web:address`: a fresh one-time login address from the running web host, for another tab
 * or browser (the printed one opens Berth once). Asks over the login socket in Berth's private
 * runtime folder, which only this user can open; needs no `nc`. Exits 1, saying why, when no web
 * host of this user's answers there.
 */
const runtimeDir = berthPaths().runtimeDir;
askLoginAddress(runtimeDir).then(
  (address) => console.log(address),
  (error: unknown) => {
    console.error(`No Berth web host answered at ${loginSocketPath(runtimeDir)} (${error instanceof Error ? error.message : String(error)}). Is "npm run web" running as this user?`);
    process.exit(1);
  },
);
