import { ContentType } from '../../../src/model/enums.js';
import { renderCustom, renderUnknown } from './custom.js';
import { renderFace } from './face.js';
import { renderFile } from './file.js';
import { renderImage } from './image.js';
import { renderLocation } from './location.js';
import { renderMerger } from './merger.js';
import { renderNotice, renderRevoked } from './notice.js';
import { renderQuote } from './quote.js';
import { registerMessageRenderer, setFallbackRenderer } from './registry.js';
import { renderAtText, renderText } from './text.js';
import { renderVideo } from './video.js';
import { renderVoice } from './voice.js';

export * from './registry.js';

let installed = false;

/** Registers the built-in renderers (idempotent; hosts may replace any afterwards). */
export function installBuiltinRenderers(): void {
  if (installed) return;
  installed = true;
  registerMessageRenderer(ContentType.Text, renderText);
  registerMessageRenderer(ContentType.AtText, renderAtText);
  registerMessageRenderer(ContentType.Picture, renderImage, { layout: 'bare' });
  registerMessageRenderer(ContentType.Voice, renderVoice);
  registerMessageRenderer(ContentType.Video, renderVideo, { layout: 'bare' });
  registerMessageRenderer(ContentType.File, renderFile);
  registerMessageRenderer(ContentType.Location, renderLocation);
  registerMessageRenderer(ContentType.Custom, renderCustom);
  registerMessageRenderer(ContentType.Face, renderFace, { layout: 'bare' });
  registerMessageRenderer(ContentType.Quote, renderQuote);
  registerMessageRenderer(ContentType.Merger, renderMerger);
  registerMessageRenderer(ContentType.Notification, renderNotice, { layout: 'notice' });
  registerMessageRenderer(ContentType.Revoke, renderRevoked, { layout: 'notice' });
  setFallbackRenderer(renderUnknown);
}
