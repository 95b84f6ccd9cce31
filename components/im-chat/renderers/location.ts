import { html } from 'lit';
import type { MessageRenderContext } from './registry.js';

export function mapLink(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}

/** Description, coordinates and a link to a map (OpenStreetMap; no map tiles are loaded). */
export function renderLocation(ctx: MessageRenderContext) {
  const l = ctx.message.locationElem;
  if (!l) return html`<span part="text">[${ctx.t.location}]</span>`;
  const lat = Number(l.latitude);
  const lon = Number(l.longitude);
  const coords = `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
  return html`<a part="location" class="location" href=${mapLink(lat, lon)} target="_blank" rel="noopener noreferrer">
    <span class="location-pin" aria-hidden="true">📍</span>
    <span class="location-info">
      <span part="location-description" class="location-description">${l.description || ctx.t.location}</span>
      <span part="location-coordinates" class="location-coordinates">${coords}</span>
      <span class="location-open">${ctx.t.openMap}</span>
    </span>
  </a>`;
}
