import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { PATHWAY_MACHINES } from './pathway-versions';

/** What GET /api/v1/pathway serves: each machine in use, generated from its definition. */
export interface PathwayDescription {
  id: string;
  version: number;
  /** Every state as a dotted path, in document order: `triage.awaitingSignOff`. */
  states: string[];
  /** Every event type the chart handles, public and internal, sorted. */
  events: string[];
  /** A Mermaid `stateDiagram-v2` of the chart. */
  mermaid: string;
}

export function describePathways(): PathwayDescription[] {
  return Object.entries(PATHWAY_MACHINES).map(([version, machine]) => {
    const nodes = descendantsOf(machine.root);
    const events = new Set<string>();
    for (const node of [machine.root, ...nodes]) for (const t of transitionsOf(node)) events.add(t.eventType);
    return {
      id: machine.id,
      version: Number(version),
      states: nodes.map((node) => node.path.join('.')),
      events: [...events].sort(),
      mermaid: mermaidOf(machine.root),
    };
  });
}

function descendantsOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states).flatMap((child) => [child, ...descendantsOf(child)]);
}

function transitionsOf(node: AnyStateNode): AnyTransitionDefinition[] {
  return [...node.transitions.values()].flat();
}

/** Mermaid ids must be unique across the diagram: `assessment_allocated`. */
function mermaidId(node: AnyStateNode): string {
  return node.path.join('_');
}

function mermaidOf(root: AnyStateNode): string {
  const lines = ['stateDiagram-v2'];
  const initial = root.initial.target[0];
  if (initial) lines.push(`  [*] --> ${mermaidId(initial)}`);
  for (const child of Object.values(root.states)) lines.push(...stateBlock(child, '  '));
  for (const node of descendantsOf(root)) {
    for (const t of transitionsOf(node)) {
      const targets = t.target?.length ? t.target : [node];
      for (const target of targets) lines.push(`  ${mermaidId(node)} --> ${mermaidId(target)} : ${labelOf(t)}`);
    }
    if (node.type === 'final') lines.push(`  ${mermaidId(node)} --> [*]`);
  }
  // Transitions on the root are taken in every state that is not final.
  const everywhere = transitionsOf(root).map(labelOf);
  if (initial && everywhere.length) {
    lines.push(`  note right of ${mermaidId(initial)}`, `    In every open state: ${everywhere.join(', ')}`, '  end note');
  }
  return lines.join('\n');
}

/** Declares compound states with their children, so the diagram nests like the chart. */
function stateBlock(node: AnyStateNode, indent: string): string[] {
  const id = mermaidId(node);
  const children = Object.values(node.states);
  const declaration = node.path.length > 1 ? `state "${node.key}" as ${id}` : `state ${id}`;
  if (children.length === 0) return node.path.length > 1 ? [`${indent}${declaration}`] : [];
  const initial = node.initial.target[0];
  return [
    `${indent}${declaration} {`,
    ...(initial ? [`${indent}  [*] --> ${mermaidId(initial)}`] : []),
    ...children.flatMap((child) => stateBlock(child, `${indent}  `)),
    `${indent}}`,
  ];
}

function labelOf(t: AnyTransitionDefinition): string {
  const guard = t.guard === undefined ? '' : ` [${guardName(t.guard)}]`;
  return `${t.eventType}${guard}`;
}

function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const composite = guard as { guards?: unknown[]; check?: { name?: string } };
    if (Array.isArray(composite.guards)) {
      const joiner = composite.check?.name === 'checkOr' ? ' or ' : ' and ';
      const prefix = composite.check?.name === 'checkNot' ? 'not ' : '';
      return prefix + composite.guards.map(guardName).join(joiner);
    }
    return guard.name || 'guard';
  }
  if (typeof guard === 'object' && guard !== null && 'type' in guard) {
    const { type, params } = guard as { type: string; params?: Record<string, unknown> };
    return params ? `${type}(${Object.values(params).join(', ')})` : type;
  }
  return 'guard';
}
