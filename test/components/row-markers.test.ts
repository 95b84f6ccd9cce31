// sweepRowMarkers: the rows lit-html's repeat removes leave no markers behind, and Lit keeps
// working on the swept DOM (inserts, removals and moves land where they should).
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { sweepRowMarkers } from '../../components/shared/row-markers.js';
import { deepEqual, ok } from '../support/assert.js';

function comments(el: Node): number {
  return [...el.childNodes].filter((n) => n.nodeType === Node.COMMENT_NODE).length;
}

describe('sweepRowMarkers', () => {
  it('keeps a sliding window of keyed rows free of stray markers, and Lit still places rows right', () => {
    const host = document.createElement('div');
    document.body.append(host);
    // Rows whose templates start and end with blank text too (their markers touch text, not the element).
    const row = (k: number) => (k % 2 ? html`<p data-k=${k}>row ${k}</p>` : html`
        <p data-k=${k}>row ${k}</p>
      `);
    const view = (keys: number[]) => html`<div class="spacer"></div>
      ${repeat(keys, (k) => k, row)}
      <div class="spacer"></div>`;
    const shown = () => [...host.querySelectorAll('p')].map((p) => Number(p.dataset['k']));
    const window = (from: number) => Array.from({ length: 20 }, (_, i) => from + i);
    try {
      // Slide down by 3 rows at a time, then back up: rows leave at one edge, come in at the other.
      const starts = [...Array.from({ length: 60 }, (_, i) => i * 3), ...Array.from({ length: 60 }, (_, i) => 177 - i * 3)];
      for (const from of starts) {
        render(view(window(from)), host);
        sweepRowMarkers(host);
        deepEqual(shown(), window(from), `rows ${from}… in order`);
      }
      // Two markers per row, the repeat's own and the template's, at most one stray at each end of the rows: nothing that grows with the slides.
      ok(comments(host) <= 2 * 20 + 4, `${comments(host)} comments for 20 rows`);
      // Moves, a removal in the middle and an emptied list still work on the swept DOM.
      const moved = [5, 3, 4, 1, 2, 9, 8];
      render(view(moved), host);
      sweepRowMarkers(host);
      deepEqual(shown(), moved, 'rows moved into a new order');
      render(view([5, 3, 1, 9]), host);
      sweepRowMarkers(host);
      deepEqual(shown(), [5, 3, 1, 9], 'rows removed from the middle');
      render(view([]), host);
      sweepRowMarkers(host);
      deepEqual(shown(), [], 'no rows');
      render(view([7, 8]), host);
      deepEqual(shown(), [7, 8], 'rows again');
      ok(comments(host) <= 2 * 2 + 4, `${comments(host)} comments for 2 rows`);
    } finally {
      host.remove();
    }
  });
});
