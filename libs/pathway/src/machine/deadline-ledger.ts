import { dueAt } from '../calendar';
import type { Timescale } from '../context';
import type { DeadlineKind, DeadlineRef, PathwayEffect } from '../effects';
import { deadlineId, deadlineRefOf, instant } from './pathway-context';

type DeadlineEffect = Exclude<PathwayEffect, { type: 'sendMessage' }>;

/**
 * Plans the deadline effects of one step against the deadlines the chart knows are open, so it
 * never meets or cancels a deadline that is not open, and restarting one cancels it first.
 */
export class DeadlineLedger {
  private readonly open: string[];
  readonly effects: DeadlineEffect[] = [];

  constructor(open: readonly string[]) {
    this.open = [...open];
  }

  get openDeadlines(): string[] {
    return [...this.open];
  }

  isOpen(ref: DeadlineRef): boolean {
    return this.open.includes(deadlineId(ref));
  }

  /** Start a clock at `from`; due after `timescale` (calendar.ts decides what that means). */
  start(kind: DeadlineKind, key: string, from: string, timescale: Timescale): void {
    const ref = { kind, key };
    if (this.isOpen(ref)) this.cancel(kind, key);
    this.open.push(deadlineId(ref));
    this.effects.push({
      type: 'startDeadline',
      ...ref,
      startedAt: instant(from),
      dueAt: dueAt(new Date(from), timescale).toISOString(),
    });
  }

  /** The step the deadline waited for happened at `at`; met or breached is the engine's call. */
  meet(kind: DeadlineKind, key: string, at: string): void {
    if (!this.remove({ kind, key })) return;
    this.effects.push({ type: 'meetDeadline', kind, key, at: instant(at) });
  }

  cancel(kind: DeadlineKind, key: string): void {
    if (!this.remove({ kind, key })) return;
    this.effects.push({ type: 'cancelDeadline', kind, key });
  }

  /** Cancel every open deadline of these kinds (whatever their keys). */
  cancelAll(kinds: readonly DeadlineKind[]): void {
    for (const id of this.openDeadlines) {
      const ref = deadlineRefOf(id);
      if (kinds.includes(ref.kind)) this.cancel(ref.kind, ref.key);
    }
  }

  /** The key of the open deadline of this kind, if there is one. */
  openKeyOf(kind: DeadlineKind): string | null {
    const id = this.open.find((candidate) => deadlineRefOf(candidate).kind === kind);
    return id === undefined ? null : deadlineRefOf(id).key;
  }

  private remove(ref: DeadlineRef): boolean {
    const index = this.open.indexOf(deadlineId(ref));
    if (index < 0) return false;
    this.open.splice(index, 1);
    return true;
  }
}
