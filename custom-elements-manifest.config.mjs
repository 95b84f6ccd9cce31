// `npm run manifest`: custom-elements.json from each element's JSDoc header
// (@summary, @event, @slot, @csspart, @cssprop) and its Lit properties.
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

export default {
  globs: ['components/im-*/im-*.ts'],
  exclude: ['components/**/*.styles.ts', 'components/**/*.stories.ts', 'components/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [tagsFromFolders(), documentedEventsOnly()],
};
