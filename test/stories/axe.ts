// Loads axe-core into the test page (its UMD bundle sets window.axe) and formats what it finds.
import type { AxeResults, RunOptions } from 'axe-core';

type Axe = { run(context: Element | Document, options: RunOptions): Promise<AxeResults> };

let loading: Promise<Axe> | undefined;

function loadAxe(): Promise<Axe> {
  loading ??= new Promise<Axe>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve((window as unknown as { axe: Axe }).axe);
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
  return loading;
}

/**
 * A story is a fragment of a page, so the page-level rules (one main landmark, everything inside a landmark,
 * a level-one heading) do not apply to it; every other WCAG A/AA and best-practice rule does.
 */
export const FRAGMENT_RULES_OFF = { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } };

/** Runs axe on `root` (it walks open shadow roots) and returns one readable line per failing node. */
export async function axeViolations(root: Element | Document, rules: RunOptions['rules'] = FRAGMENT_RULES_OFF): Promise<string[]> {
  const axe = await loadAxe();
  const results = await axe.run(root, { resultTypes: ['violations'], rules });
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${JSON.stringify(n.target)}\n      ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`),
  );
}
