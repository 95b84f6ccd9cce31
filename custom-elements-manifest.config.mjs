// `npm run manifest`: custom-elements.json from each element's JSDoc header
// (@summary, @event, @slot, @csspart, @cssprop) and its Lit properties (`static properties`).
// Elements follow the Shoelace layout: components/<tag>/<tag>.component.ts holds the
// class, components/<tag>/<tag>.ts registers the tag, so the tag comes from the folder.

/** Tag names from the folder, and a `custom-element-definition` export on the registering module. */
function tagsFromFolders() {
  return {
    name: 'imkit-tags-from-folders',
    packageLinkPhase({ customElementsManifest }) {
      const byPath = new Map(customElementsManifest.modules.map((m) => [m.path, m]));
      for (const mod of customElementsManifest.modules) {
        const match = /^components\/(im-[a-z0-9-]+)\/\1\.component\.ts$/.exec(mod.path);
        if (!match) continue;
        const tag = match[1];
        for (const decl of mod.declarations ?? []) {
          if (!decl.customElement) continue;
          decl.tagName ??= tag;
          const definer = byPath.get(`components/${tag}/${tag}.ts`);
          if (definer) {
            definer.exports ??= [];
            if (!definer.exports.some((e) => e.kind === 'custom-element-definition')) {
              definer.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: decl.name, module: mod.path } });
            }
          }
        }
      }
    },
  };
}

/**
 * Events come from the JSDoc (`@event name - description`). The analyzer also reports
 * `dispatchEvent(new CustomEvent(variable))` in helpers as an event called after the
 * variable; those carry no description and are dropped.
 */
function documentedEventsOnly() {
  return {
    name: 'imkit-documented-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.events) decl.events = decl.events.filter((e) => e.description || /^im-/.test(e.name));
        }
      }
    },
  };
}

/**
 * Lit's `static properties` (the elements declare their reactive properties there, not with
 * decorators). The analyzer reads every entry as a public property with an attribute; an entry
 * with `state: true` or a name starting with `_` is internal state instead: it loses the
 * attribute and keeps the privacy its field declares (`_name` without one counts as private).
 * Public entries lose the `privacy: "public"` the analyzer writes, which decorated fields never had.
 */
function litStaticProperties() {
  /** `module path|class name` → the entries of its `static properties`, internal or not. */
  const entries = new Map();
  return {
    name: 'imkit-lit-static-properties',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        const found = new Map();
        for (const p of member.initializer.properties) {
          if (!ts.isPropertyAssignment(p)) continue;
          const name = p.name.getText();
          const options = ts.isObjectLiteralExpression(p.initializer) ? p.initializer.properties : [];
          const state = options.some((o) => ts.isPropertyAssignment(o) && o.name.getText() === 'state' && o.initializer.kind === ts.SyntaxKind.TrueKeyword);
          found.set(name, state || name.startsWith('_'));
        }
        entries.set(`${moduleDoc.path}|${node.name.getText()}`, found);
      }
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const decl of moduleDoc.declarations ?? []) {
        const found = entries.get(`${moduleDoc.path}|${decl.name}`);
        if (!found) continue;
        const internal = (name) => found.get(name) === true;
        decl.attributes = (decl.attributes ?? []).filter((a) => !internal(a.fieldName ?? a.name));
        for (const m of decl.members ?? []) {
          if (!found.has(m.name)) continue;
          if (m.privacy === 'public') delete m.privacy;
          if (!internal(m.name)) continue;
          delete m.attribute;
          delete m.reflects;
          if (m.name.startsWith('_') && !m.privacy) m.privacy = 'private';
        }
      }
    },
  };
}

export default {
  globs: ['components/im-*/im-*.ts'],
  exclude: ['components/**/*.styles.ts', 'components/**/*.stories.ts', 'components/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [litStaticProperties(), tagsFromFolders(), documentedEventsOnly()],
};
