/** Waits until `check` holds (end-to-end delivery crosses a queue), or fails saying what it last saw. */
export async function eventually<T>(check: () => Promise<T | undefined | false | null> | T | undefined | false | null, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as T;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting after ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
}
