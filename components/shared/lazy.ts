// Code loaded on first use: shared by the elements' lazily imported parts.
/**
 * `load` called once, on first use, and its promise shared; a failed import (a chunk that
 * could not be fetched, e.g. offline) is tried again on the next call instead of staying failed.
 */
export function importOnce<M>(load: () => Promise<M>): () => Promise<M> {
  let pending: Promise<M> | null = null;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    }));
}

/**
 * A value (usually a module's export) loaded on first use, read synchronously by a render:
 * `get(update)` returns it once it is in, else undefined, and starts the load; when it
 * arrives, every `update` handed in meanwhile is called (the host re-renders and now gets
 * it). A failed load (a chunk that could not be fetched) calls nobody: the next render
 * tries again, so an offline page does not spin re-rendering. Lit's `until` did this per
 * binding, at the price of its async-directive machinery on every page.
 */
export function loadedLater<M>(load: () => Promise<M>): (update: () => void) => M | undefined {
  let value: M | undefined;
  let waiting: Set<() => void> | null = null;
  return (update) => {
    if (value !== undefined) return value;
    if (!waiting) {
      const notify = (waiting = new Set());
      load().then(
        (v) => {
          value = v;
          waiting = null;
          for (const u of notify) u();
        },
        () => (waiting = null),
      );
    }
    waiting.add(update);
    return undefined;
  };
}
