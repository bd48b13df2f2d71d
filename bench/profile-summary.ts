import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Where a CPU sample's code lives: an npm package, a folder of Front Door, or Node itself. */
function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName || '(anonymous)'}`;
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const own = /\/((?:apps|libs|bench)\/[^/]+(?:\/src\/[^/]+)?)/.exec(url);
  if (own) return own[1];
  return url.startsWith('node:') ? url.split('/').slice(0, 2).join('/') : url;
}

/**
 * The busy (non-idle) CPU of a .cpuprofile by place, self time: what the api spent its
 * cycles on, e.g. typeorm 18%, pg 6%, libs/pathway/src/machine 4%.
 */
export function profileSummary(file: string, limit = 12): { place: string; share: number }[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byPlace = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    const dt = profile.timeDeltas[i] ?? 0;
    busy += dt;
    const place = placeOf(node.callFrame.url, node.callFrame.functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + dt);
  });
  return [...byPlace]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([place, t]) => ({ place, share: Math.round((1000 * t) / Math.max(1, busy)) / 10 }));
}
