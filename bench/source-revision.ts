import { execFileSync } from 'node:child_process';

/** The commit measured, and whether the checkout had uncommitted changes outside bench/. */
export function sourceRevision(root: string): { commit: string | null; uncommittedFiles: number | null } {
  try {
    const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const commit = git('rev-parse', 'HEAD').trim();
    const changed = git('status', '--porcelain').split('\n').filter((line) => line.trim() && !line.slice(3).startsWith('bench/'));
    return { commit, uncommittedFiles: changed.length };
  } catch {
    return { commit: process.env.BENCH_SOURCE_COMMIT ?? null, uncommittedFiles: null };
  }
}
