// Helpers for component tests: mounting elements, reading their shadow DOM, and
// making conversations on the real server the runner started.
import { sendMouse } from '@web/test-runner-commands';
import type { ImClient } from '../../src/client/im-client.js';
import type { MessageItem } from '../../src/model/types.js';
import { waitFor } from '../support/server.js';

const mounted: HTMLElement[] = [];

/** Puts `el` into the page inside a box of the given size and returns it once it has rendered. */
export async function mount<T extends HTMLElement>(el: T, size: { width?: number; height?: number } = {}): Promise<T> {
  const box = document.createElement('div');
  box.style.cssText = `position:fixed;left:0;top:0;width:${size.width ?? 720}px;height:${size.height ?? 560}px;display:flex;`;
  el.style.flex = '1';
  box.append(el);
  document.body.append(box);
  mounted.push(box);
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** Removes everything `mount` added (call in afterEach). */
export function unmountAll(): void {
  for (const box of mounted.splice(0)) box.remove();
}

export function shadow(el: Element): ShadowRoot {
  const root = el.shadowRoot;
  if (!root) throw new Error(`${el.tagName} has no shadow root`);
  return root;
}

/** Elements inside `el`'s shadow root whose `part` includes `part`. */
export function parts(el: Element, part: string): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
}

export function part(el: Element, name: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** Visible text with whitespace collapsed. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function until<T>(check: () => T, what: string, timeoutMs = 8000): Promise<NonNullable<T>> {
  return waitFor(check, what, timeoutMs);
}

/** A real mouse click in the middle of `el` (through the browser, not a synthetic event). */
export async function click(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'nearest' });
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}

export async function sendText(from: ImClient, to: string, text: string): Promise<MessageItem> {
  return from.sendMessage(await from.createTextMessage(text), to, '');
}

/** Waits two animation frames (layout and scroll corrections done). */
export function frames(n = 2): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
}

/** Resolves with the first `name` event `target` fires. */
export function once<T = unknown>(target: EventTarget, name: string, timeoutMs = 8000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${name} event within ${timeoutMs} ms`)), timeoutMs);
    target.addEventListener(
      name,
      (e) => {
        clearTimeout(timer);
        resolve(e as CustomEvent<T>);
      },
      { once: true },
    );
  });
}
