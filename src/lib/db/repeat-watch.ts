/**
 * Tells whether any id of a stream comes twice, cheaply for the usual export. Orders are
 * mostly listed by id, rising or falling: while they are, a repeat is impossible and one
 * comparison per id settles it. The ids go into a Set only once that order breaks (a Set of
 * 1M ids costs ~0.9 s and most of the garbage collector's time on a 1M-order load).
 */
export class RepeatWatch {
  /** The ids so far, while they keep one direction. */
  private ordered: string[] = [];
  /** 1 rising, −1 falling, 0 not known yet. */
  private direction = 0;
  /** Every id so far, once the direction broke. */
  private seen: Set<string> | null = null;
  /** True once an id came a second time. */
  repeated = false;

  add(id: string): void {
    if (this.repeated) return;
    if (this.seen) {
      if (this.seen.has(id)) this.stop();
      else this.seen.add(id);
      return;
    }
    const last = this.ordered.at(-1);
    if (last !== undefined) {
      const step = id > last ? 1 : id < last ? -1 : 0;
      if (step === 0) return this.stop();
      if (this.direction === 0) this.direction = step;
      else if (step !== this.direction) {
        this.seen = new Set(this.ordered);
        this.ordered = [];
        return this.add(id);
      }
    }
    this.ordered.push(id);
  }

  private stop(): void {
    this.repeated = true;
    this.ordered = [];
    this.seen = null;
  }
}
