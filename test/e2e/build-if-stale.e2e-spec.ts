import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'build-if-stale.mjs');

/** `npm start` rebuilds only when a source changed (a first start spent ~45 s of 90 recompiling). */
describe('npm start builds only what is stale', () => {
  const root = mkdtempSync(join(tmpdir(), 'front-door-build-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // A project shaped like this one, whose build only counts how often it ran.
  mkdirSync(join(root, 'apps', 'api'), { recursive: true });
  mkdirSync(join(root, 'libs', 'engine'), { recursive: true });
  writeFileSync(join(root, 'apps', 'api', 'main.ts'), 'export {};\n');
  writeFileSync(join(root, 'libs', 'engine', 'index.ts'), 'export {};\n');
  writeFileSync(join(root, 'package-lock.json'), '{}\n');
  writeFileSync(
    join(root, 'package.json'),
    JSON.stringify({ name: 'probe', scripts: { build: "node -e \"const fs=require('fs');fs.mkdirSync('dist',{recursive:true});fs.appendFileSync('builds','x')\"" } }),
  );
  const start = () => execFileSync(process.execPath, [SCRIPT], { cwd: root, stdio: 'pipe' });
  const builds = () => readFileSync(join(root, 'builds'), 'utf8').length;

  it('builds on the first start, not again while nothing changed, and again after a source changed', () => {
    start();
    expect(builds()).toBe(1);
    start();
    start();
    expect(builds()).toBe(1);
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'libs', 'engine', 'index.ts'), later, later);
    start();
    expect(builds()).toBe(2);
  });
});
