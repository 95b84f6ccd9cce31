// node:test reporter that counts leaf tests (not suites, not files) and writes
// `{ passed, failed, skipped }` as JSON to its destination when the run ends.
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let previousNesting = -1;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { nesting, details, skip, todo } = event.data;
    // Children report before their parent, so a test directly after a deeper one is a parent.
    const isLeaf = previousNesting <= nesting && details?.type !== 'suite';
    previousNesting = nesting;
    if (!isLeaf) {
      // A parent that failed without any failing child (a hook or file crash) still counts once.
      if (event.type === 'test:fail' && details?.error && !details.error.failureType?.includes('subtestsFailed')) failed++;
      continue;
    }
    if (skip || todo) skipped++;
    else if (event.type === 'test:pass') passed++;
    else failed++;
  }
  yield JSON.stringify({ passed, failed, skipped }) + '\n';
}
