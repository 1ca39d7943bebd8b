/**
 * @module A small LRU of recent search results. Many citizens ask the very same question (the
 * kiosk's 热门问题, a shared link, a repeated tap), and one search costs milliseconds of CPU. The
 * engine clears it whenever it rebuilds its index, so a cached result is never older than the
 * corpus version the engine answers from.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, T[]>();
  hits = 0;
  misses = 0;

  /** 0 switches the cache off (benchmarks measure the search itself that way). */
  constructor(public capacity: number) {}

  /** A copy of the cached list (its items shallow-copied, so callers cannot alter the cache). */
  get(key: string): T[] | undefined {
    const found = this.entries.get(key);
    if (!found) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, found);
    return found.map((x) => ({ ...x }));
  }

  set(key: string, value: T[]): void {
    if (this.capacity <= 0) return void this.entries.clear();
    this.entries.delete(key);
    this.entries.set(
      key,
      value.map((x) => ({ ...x })),
    );
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
