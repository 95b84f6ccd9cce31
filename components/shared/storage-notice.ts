import { nothing, type LitElement, type TemplateResult } from 'lit';
import type { ImStrings } from '../i18n/strings.js';
import type { ClientController } from './client-controller.js';
import { loadedLater } from './lazy.js';

/** The notice's template and styles (storage-notice-view.ts) load the first time there is something to say. */
const view = loadedLater(() => import('./storage-notice-view.js').then((m) => m.renderStorageNotice));

/**
 * The notice an element shows while the client's cache lives in memory (IndexedDB
 * refused, full or failing) or another tab upgraded it; see storage-notice-view.ts.
 * Nothing (and no code) while the cache is fine, which is almost always.
 */
export function renderStorageNotice(host: LitElement, clients: ClientController, t: ImStrings): TemplateResult | typeof nothing {
  if (!clients.storageNotice) return nothing;
  return view(() => host.requestUpdate())?.(host, clients, t) ?? nothing;
}
