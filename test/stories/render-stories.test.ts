// Renders EVERY story of every stories/*.stories.ts module (the list comes from web-test-runner.config.mjs, so
// a new stories file is picked up without edits) against its in-page loopback backend, waits for the elements
// to settle, and fails on a thrown error, a console.error, an unhandled rejection or an axe violation.
import { axeViolations } from './axe.js';
import { composeStories, type ComposedStory } from './compose-story.js';

const { storyFiles: files, storyTheme } = (globalThis as unknown as { __IMKIT_TEST__: { storyFiles: string[]; storyTheme: string } }).__IMKIT_TEST__;

const modules = await Promise.all(files.map(async (file) => [file, (await import(file)) as Record<string, unknown>] as const));

/** Every imkit element under `root`, looking inside shadow roots too. */
function imElements(root: ParentNode, found: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    if (el.localName.startsWith('im-')) found.push(el);
    if (el.shadowRoot) imElements(el.shadowRoot, found);
  }
  return found;
}

/** Every element under `root` matching `selector`, looking inside shadow roots too. */
function deepQuery(root: ParentNode, selector: string, found: Element[] = []): Element[] {
  found.push(...root.querySelectorAll(selector));
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) deepQuery(el.shadowRoot, selector, found);
  return found;
}

/** What a state story (stories/support/states.ts) must visibly show. */
function checkState(state: unknown, container: HTMLElement, errorShownAs: unknown): string | null {
  const visible = (el: Element) => (el as HTMLElement).getClientRects().length > 0;
  switch (state) {
    case 'Loading':
      return deepQuery(container, '[aria-busy="true"]').some(visible) ? null : 'the Loading story shows no busy (aria-busy) region';
    case 'Error':
      if (errorShownAs === 'banner') return deepQuery(container, '[part~="banner"]').some(visible) ? null : 'the Error story shows no connection banner';
      return deepQuery(container, '[role="alert"]').some((el) => visible(el) && el.textContent!.trim()) ? null : 'the Error story shows no alert';
    case 'RightToLeft':
      return imElements(container).every((el) => getComputedStyle(el).direction === 'rtl') ? null : 'an element is not right-to-left';
    case 'Narrow':
      return imElements(container).every((el) => el.getBoundingClientRect().width <= 360) ? null : 'an element is wider than 360px';
    default:
      return null;
  }
}

const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

/** Lets the elements load from the loopback server and render until no element has a pending update. */
async function settle(container: HTMLElement): Promise<void> {
  await new Promise((r) => setTimeout(r, 600));
  for (let round = 0; round < 5; round++) {
    const pending = await Promise.all(
      imElements(container).map((el) => (el as Element & { updateComplete?: Promise<boolean> }).updateComplete ?? Promise.resolve(true)),
    );
    await frame();
    await frame();
    if (pending.every((done) => done !== false)) break;
  }
}

/** Collects console.error calls, uncaught errors and unhandled rejections while a story runs. */
function watchErrors(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(`console.error: ${args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' ')}`);
    original.apply(console, args);
  };
  const onError = (e: ErrorEvent) => errors.push(`uncaught: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => {
    const r = e.reason as { message?: string } | undefined;
    errors.push(`unhandled rejection: ${r?.message ?? String(e.reason)}`);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      console.error = original;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

it('finds the stories files', () => {
  if (files.length === 0) throw new Error(`expected every stories/*.stories.ts, got ${JSON.stringify(files)}`);
});

for (const [file, mod] of modules) {
  describe(file, () => {
    for (const story of composeStories(file, mod) as ComposedStory[]) {
      it(`${story.label} renders without errors and passes axe`, async function () {
        this.timeout(30_000);
        const container = document.createElement('div');
        container.id = 'storybook-root';
        document.body.append(container);
        const watch = watchErrors();
        try {
          await story.mount(container, { theme: storyTheme });
          await settle(container);
          if (!container.childElementCount) throw new Error('the story rendered nothing');
          const stateProblem = checkState(story.parameters['imkitState'], container, story.parameters['imkitErrorShownAs']);
          if (stateProblem) throw new Error(stateProblem);
          const violations = await axeViolations(container);
          if (watch.errors.length) throw new Error(`errors while rendering:\n  ${watch.errors.join('\n  ')}`);
          if (violations.length) throw new Error(`${violations.length} axe violation(s):\n  ${violations.join('\n  ')}`);
        } finally {
          watch.stop();
          story.unmount(container);
          container.remove();
          document.documentElement.removeAttribute('dir');
        }
      });
    }
  });
}
