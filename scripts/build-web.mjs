// Builds the web front end (web/ → dist/web) when vite is installed; `npm install` and `npm start` both call it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('node_modules/vite') || !existsSync('web/index.html')) process.exit(0);
if (process.env.SKIP_WEB_BUILD === '1') process.exit(0);
const r = spawnSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
