/** Lengths of simulated time, in the milliseconds the timeline is ordered by. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A step waiting on the simulated timeline. */
export interface PendingStep {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

/** A binary min-heap of pending steps by simulated time (ties in the order they were scheduled). */
export class Timeline {
  private readonly heap: PendingStep[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  schedule(at: number, run: () => Promise<void>): void {
    this.heap.push({ at, seq: this.seq++, run });
    this.up(this.heap.length - 1);
  }

  peek(): PendingStep | undefined {
    return this.heap[0];
  }

  pop(): PendingStep | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: PendingStep, b: PendingStep): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < h.length && this.less(h[l], h[smallest])) smallest = l;
      if (r < h.length && this.less(h[r], h[smallest])) smallest = r;
      if (smallest === i) return;
      [h[i], h[smallest]] = [h[smallest], h[i]];
      i = smallest;
    }
  }
}
