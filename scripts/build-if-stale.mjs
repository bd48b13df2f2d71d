// `npm start` builds only when the build is older than what it is built from: the sources under
// apps/ and libs/, the TypeScript configuration and the lock file. A fresh build starts at once.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = join('dist', '.built-from-sources');
const INPUTS = ['apps', 'libs', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** The newest modification time of a file or of any file under a folder, in ms. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, entry) => Math.max(latest, newest(join(path, entry))), stat.mtimeMs);
}

const builtAt = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
const changedAt = Math.max(...INPUTS.map(newest));
if (changedAt > builtAt) {
  process.stderr.write(builtAt === 0 ? 'Building Front Door (first start)…\n' : 'Sources changed since the last build: building…\n');
  execSync('npm run -s build', { stdio: 'inherit' });
  writeFileSync(STAMP, `built ${new Date().toISOString()}\n`);
}
