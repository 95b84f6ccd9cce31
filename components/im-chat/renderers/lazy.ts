import { loadedLater } from '../../shared/lazy.js';
import type { MessageRenderer } from './registry.js';

export { importOnce } from '../../shared/lazy.js';

/**
 * A renderer whose code is imported on first use. Until it has loaded, `placeholder`
 * shows (built to take the same room, so the row does not jump); then the host is asked
 * to re-render (`ctx.requestUpdate`) and the real output replaces it.
 */
export function lazyRenderer(load: () => Promise<MessageRenderer>, placeholder: MessageRenderer): MessageRenderer {
  const real = loadedLater(load);
  return (ctx) => (real(ctx.requestUpdate) ?? placeholder)(ctx);
}
