// Prints the README "Theming" token table from components/styles/tokens.ts (TOKENS + TOKEN_DESCRIPTIONS).
// Paste its output into README.md; test/server/theming-docs.test.ts checks the README holds exactly this table.
import { TOKEN_DESCRIPTIONS, TOKENS, type TokenName } from '../components/styles/tokens.js';

const cell = (v: string) => `\`${v.replace(/\|/g, '\\|')}\``;

export function tokensTable(): string {
  const rows = (Object.keys(TOKENS) as TokenName[]).map((name) => {
    const [light, dark] = TOKENS[name];
    return `| \`--im-${name}\` | ${TOKEN_DESCRIPTIONS[name]} | ${cell(light)} | ${dark === null ? 'same' : cell(dark)} |`;
  });
  return ['| Token | Styles | Light | Dark |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(tokensTable());
