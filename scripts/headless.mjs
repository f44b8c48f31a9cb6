// `npm run headless -- [flags]`: builds the app when the sources are newer than the build
// (build output goes to stderr, so stdout carries only the ready line), then runs headless mode
// in this same process so signals reach it directly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'out/main/headless.js');
const inputs = ['src', 'package.json', 'electron.vite.config.ts'];

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

const stale =
  !existsSync(entry) ||
  !existsSync(join(root, 'out/renderer/index.html')) ||
  Math.max(...inputs.map((p) => newestMtime(join(root, p)))) > statSync(entry).mtimeMs;

if (stale) {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('electron-vite/package.json');
  const bin = join(dirname(pkgPath), require(pkgPath).bin['electron-vite']);
  process.stderr.write('Building Bulwark…\n');
  const built = spawnSync(process.execPath, [bin, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (built.status !== 0) {
    process.stderr.write('Build failed.\n');
    process.exit(built.status ?? 1);
  }
}

await import(pathToFileURL(entry).href);
