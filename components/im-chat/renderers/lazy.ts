import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import type { MessageRenderer } from './registry.js';

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
 * A renderer whose code is imported on first use. Until it has loaded, `placeholder`
 * shows (built to take the same room, so the row does not jump); then the real output
 * replaces it in place, without the host re-rendering. Afterwards it renders directly.
 */
export function lazyRenderer(load: () => Promise<MessageRenderer>, placeholder: MessageRenderer): MessageRenderer {
  let real: MessageRenderer | null = null;
  return (ctx) => {
    if (real) return real(ctx);
    const shown = placeholder(ctx);
    return html`${until(
      load()
        .then((render) => (real = render)(ctx))
        .catch(() => shown),
      shown,
    )}`;
  };
}
