import { css, html, nothing, type CSSResult, type TemplateResult } from 'lit';

/** A stable hue for an ID, so a user keeps the same colour everywhere. */
export function hueOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 360;
}

/** One or two letters from a display name ("Alice Smith" → "AS", "bob" → "B"). */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s._@-]+/u)
    .filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!)[0] ?? '';
  const second = words.length > 1 ? (Array.from(words[words.length - 1]!)[0] ?? '') : '';
  return (first + second).toLocaleUpperCase();
}

/** Image URLs the avatar will load: http(s), blob, same-origin paths and data:image. Anything else shows initials. */
export function safeImageURL(url: string | undefined | null): string | null {
  if (!url) return null;
  const u = url.trim();
  if (/^(https?:|blob:)/i.test(u) || /^data:image\//i.test(u) || /^\/(?!\/)/.test(u)) return u;
  return null;
}

export interface AvatarOptions {
  /** The user or group ID: picks the colour. */
  id: string;
  /** The display name: gives the initials. */
  name: string;
  faceURL?: string | null | undefined;
  /** Pixels; default 40. */
  size?: number;
  /** The `part` name; default `avatar`. */
  part?: string;
  /** A group gets a rounded square instead of a circle. */
  group?: boolean;
}

function hideBroken(event: Event): void {
  (event.target as HTMLImageElement).hidden = true;
}

/**
 * An avatar: the image when there is a usable faceURL (falling back to the
 * initials if it fails to load), else initials on a colour derived from the ID.
 * Decorative (`aria-hidden`): the name is always present as text nearby.
 */
export function avatar(options: AvatarOptions): TemplateResult {
  const size = options.size ?? 40;
  const url = safeImageURL(options.faceURL);
  const hue = hueOf(options.id || options.name);
  return html`<span
    class="im-avatar ${options.group ? 'im-avatar--group' : ''}"
    part=${options.part ?? 'avatar'}
    aria-hidden="true"
    style="--im-avatar-size:${size}px;--im-avatar-hue:${hue}"
    ><span class="im-avatar__initials">${initialsOf(options.name || options.id)}</span>${url
      ? html`<img class="im-avatar__img" src=${url} alt="" loading="lazy" decoding="async" @error=${hideBroken} />`
      : nothing}</span
  >`;
}

export const avatarStyles: CSSResult = css`
  .im-avatar {
    position: relative;
    flex: none;
    display: inline-grid;
    place-items: center;
    width: var(--im-avatar-size);
    height: var(--im-avatar-size);
    border-radius: 50%;
    overflow: hidden;
    background: linear-gradient(
      145deg,
      hsl(var(--im-avatar-hue) 70% 62%),
      hsl(calc(var(--im-avatar-hue) + 25) 65% 50%)
    );
    color: #fff;
    font-weight: 600;
    font-size: calc(var(--im-avatar-size) * 0.4);
    letter-spacing: 0.02em;
    user-select: none;
  }
  .im-avatar--group {
    border-radius: 30%;
  }
  .im-avatar__img {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
`;
