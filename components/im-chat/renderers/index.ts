import { ContentType } from '../../../src/model/enums.js';
import { renderCustom, renderUnknown } from './custom.js';
import { importOnce, lazyRenderer } from './lazy.js';
import { renderLocation } from './location.js';
import { renderMerger } from './merger.js';
import { renderNotice, renderRevoked } from './notice.js';
import { facePlaceholder, filePlaceholder, imagePlaceholder, videoPlaceholder, voicePlaceholder } from './placeholders.js';
import { renderQuote } from './quote.js';
import { registerMessageRenderer, setFallbackRenderer } from './registry.js';
import { renderAtText, renderText } from './text.js';

export * from './registry.js';

let installed = false;

/**
 * The media renderers are one chunk, imported when the first media message renders (a
 * same-sized placeholder shows until then): a page that shows text does not pay for them.
 * Text, replies, notices, locations, merged forwards and custom messages render at once.
 */
const media = importOnce(() => import('./media-renderers.js'));

/** Registers the built-in renderers (idempotent; hosts may replace any afterwards). */
export function installBuiltinRenderers(): void {
  if (installed) return;
  installed = true;
  registerMessageRenderer(ContentType.Text, renderText);
  registerMessageRenderer(ContentType.AtText, renderAtText);
  registerMessageRenderer(ContentType.Picture, lazyRenderer(() => media().then((m) => m.renderImage), imagePlaceholder), { layout: 'bare' });
  registerMessageRenderer(ContentType.Voice, lazyRenderer(() => media().then((m) => m.renderVoice), voicePlaceholder));
  registerMessageRenderer(ContentType.Video, lazyRenderer(() => media().then((m) => m.renderVideo), videoPlaceholder), { layout: 'bare' });
  registerMessageRenderer(ContentType.File, lazyRenderer(() => media().then((m) => m.renderFile), filePlaceholder));
  registerMessageRenderer(ContentType.Location, renderLocation);
  registerMessageRenderer(ContentType.Custom, renderCustom);
  registerMessageRenderer(ContentType.Face, lazyRenderer(() => media().then((m) => m.renderFace), facePlaceholder), { layout: 'bare' });
  registerMessageRenderer(ContentType.Quote, renderQuote);
  registerMessageRenderer(ContentType.Merger, renderMerger);
  registerMessageRenderer(ContentType.Notification, renderNotice, { layout: 'notice' });
  registerMessageRenderer(ContentType.Revoke, renderRevoked, { layout: 'notice' });
  setFallbackRenderer(renderUnknown);
}
