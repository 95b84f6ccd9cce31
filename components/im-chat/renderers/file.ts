import { html } from 'lit';
import type { MessageRenderContext } from './registry.js';
import { mediaURL, uploadOverlay, withMediaStyles } from './media.js';

/** A short label from the name or type: PDF, ZIP, DOC, … */
export function fileKind(name: string, type = ''): string {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1];
  if (ext) return ext.toUpperCase();
  const sub = type.split('/')[1];
  return sub ? sub.slice(0, 4).toUpperCase() : 'FILE';
}

function kindClass(kind: string): string {
  if (['PDF'].includes(kind)) return 'pdf';
  if (['ZIP', 'RAR', '7Z', 'GZ', 'TAR'].includes(kind)) return 'archive';
  if (['DOC', 'DOCX', 'TXT', 'MD', 'RTF', 'ODT'].includes(kind)) return 'doc';
  if (['XLS', 'XLSX', 'CSV', 'ODS'].includes(kind)) return 'sheet';
  if (['PPT', 'PPTX', 'KEY', 'ODP'].includes(kind)) return 'slides';
  return 'other';
}

/** Name, size, a type icon and a download (fetched with the token, saved under its name). */
export function renderFile(ctx: MessageRenderContext) {
  const f = ctx.message.fileElem;
  if (!f) return html`<span part="text">[${ctx.t.file}]</span>`;
  const kind = fileKind(f.fileName, f.fileType);
  const download = async () => {
    const url = await mediaURL(ctx, f.sourceUrl, f.filePath).catch(() => '');
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = f.fileName;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  };
  return html`<div part="file" class="file" ${withMediaStyles}>
    <span part="file-icon" class="file-icon ${kindClass(kind)}" aria-hidden="true">${kind.slice(0, 4)}</span>
    <span class="file-info">
      <span part="file-name" class="file-name" title=${f.fileName}>${f.fileName}</span>
      <span part="file-size" class="file-size">${ctx.t.fileSize(f.fileSize)}</span>
    </span>
    <button part="file-download" type="button" class="file-download" @click=${download} aria-label="${ctx.t.download} ${f.fileName}" title=${ctx.t.download}>
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M11 4h2v9l3.5-3.5 1.4 1.4L12 16.8l-5.9-5.9 1.4-1.4L11 13z M5 18h14v2H5z"/></svg>
    </button>
    ${uploadOverlay(ctx)}
  </div>`;
}
