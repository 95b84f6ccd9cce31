import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the token secret and the admin secret come from: explicit options, else
 * IMKIT_SECRET / IMKIT_ADMIN_SECRET, else (demo mode only) a generated pair kept
 * in `<dataDir>/secrets.json` so that tokens survive restarts. A real deployment
 * must set them: a server that silently invented secrets would log everyone out
 * on every restart and tempt people into running demo defaults in production.
 */
export interface Secrets {
  secret: string;
  adminSecret: string;
}

const MIN_LENGTH = 16;
export const SECRETS_FILE = 'secrets.json';

export function resolveSecrets(opts: {
  secret?: string | undefined;
  adminSecret?: string | undefined;
  demo: boolean;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}): Secrets {
  const env = opts.env ?? process.env;
  let secret = opts.secret || env.IMKIT_SECRET || undefined;
  let adminSecret = opts.adminSecret || env.IMKIT_ADMIN_SECRET || undefined;
  if ((!secret || !adminSecret) && opts.demo) {
    const stored = loadOrCreateDemoSecrets(opts.dataDir);
    secret ??= stored.secret;
    adminSecret ??= stored.adminSecret;
  }
  if (!secret || !adminSecret) {
    const missing = [!secret && 'IMKIT_SECRET', !adminSecret && 'IMKIT_ADMIN_SECRET'].filter(Boolean);
    const [verb, what] = missing.length > 1 ? ['are', 'each to a long random string'] : ['is', 'it to a long random string'];
    throw new Error(
      `imkit server: ${missing.join(' and ')} ${verb} not set. Set ${what} (e.g. \`openssl rand -hex 32\`), or run with --demo.`,
    );
  }
  for (const [name, value] of [
    ['IMKIT_SECRET', secret],
    ['IMKIT_ADMIN_SECRET', adminSecret],
  ] as const) {
    if (value.length < MIN_LENGTH) throw new Error(`imkit server: ${name} must be at least ${MIN_LENGTH} characters.`);
  }
  return { secret, adminSecret };
}

function loadOrCreateDemoSecrets(dataDir: string): Secrets {
  const file = join(dataDir, SECRETS_FILE);
  mkdirSync(dataDir, { recursive: true });
  const fresh: Secrets = { secret: randomBytes(32).toString('hex'), adminSecret: randomBytes(32).toString('hex') };
  try {
    // 'wx' fails if the file exists, so two servers starting at once keep one pair.
    writeFileSync(file, JSON.stringify(fresh, null, 2) + '\n', { flag: 'wx', mode: 0o600 });
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  let parsed: Partial<Secrets>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  } catch (err) {
    throw new Error(`imkit server: ${file} is unreadable (${(err as Error).message}); delete it to generate new secrets.`);
  }
  if (typeof parsed.secret !== 'string' || typeof parsed.adminSecret !== 'string') {
    throw new Error(`imkit server: ${file} lacks "secret"/"adminSecret"; delete it to generate new secrets.`);
  }
  return { secret: parsed.secret, adminSecret: parsed.adminSecret };
}
