// Minimal assertions for browser tests (no Node assert in the page).
export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(`Assertion failed: ${message}`);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  if (!Object.is(actual, expected)) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function deepEqual(actual: unknown, expected: unknown, message: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message}: expected ${e}, got ${a}`);
}

export async function rejects(promise: Promise<unknown>, code: number, message: string): Promise<{ code: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: number; message?: string };
    if (e.code !== code) throw new Error(`${message}: expected error code ${code}, got ${e.code} (${e.message})`);
    return e as { code: number; message: string };
  }
  throw new Error(`${message}: expected a rejection with code ${code}, but it resolved`);
}
