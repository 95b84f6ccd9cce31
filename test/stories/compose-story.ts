// A small stand-in for Storybook's story composition, so every story can be rendered in a plain test page:
// args (meta, then story), loaders (preview, meta, story; results merged into `loaded`), decorators (story
// innermost, then meta, then preview) and the render function, in the order Storybook applies them.
import { render as litRender, nothing } from 'lit';
import preview from '../../.storybook/preview.js';

type Loader = (context: StoryContext) => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;
type Decorator = (story: (update?: Partial<StoryContext>) => unknown, context: StoryContext) => unknown;
type Render = (args: Record<string, unknown>, context: StoryContext) => unknown;

interface Annotations {
  title?: string;
  args?: Record<string, unknown>;
  loaders?: Loader | Loader[];
  decorators?: Decorator | Decorator[];
  render?: Render;
  parameters?: Record<string, unknown>;
  name?: string;
  excludeStories?: string[] | RegExp;
  includeStories?: string[] | RegExp;
}

export interface StoryContext {
  id: string;
  name: string;
  title: string;
  args: Record<string, unknown>;
  argTypes: Record<string, unknown>;
  globals: Record<string, unknown>;
  loaded: Record<string, unknown>;
  parameters: Record<string, unknown>;
  viewMode: 'story';
}

export interface ComposedStory {
  /** e.g. "Elements/im-chat › Dark" */
  label: string;
  /** The story's parameters (meta and story merged). */
  parameters: Record<string, unknown>;
  /** Runs the loaders, applies decorators and renders into `container`. */
  mount(container: HTMLElement, globals?: Record<string, unknown>): Promise<void>;
  unmount(container: HTMLElement): void;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function isStoryExport(name: string, meta: Annotations): boolean {
  if (name === 'default' || name === '__namedExportsOrder') return false;
  const matches = (m: string[] | RegExp | undefined) => (Array.isArray(m) ? m.includes(name) : m instanceof RegExp ? m.test(name) : false);
  if (meta.includeStories && !matches(meta.includeStories)) return false;
  return !matches(meta.excludeStories);
}

/** Every story a CSF module exports, composed with its meta and the project's preview. */
export function composeStories(file: string, mod: Record<string, unknown>): ComposedStory[] {
  const meta = (mod['default'] ?? {}) as Annotations;
  const projectAnnotations = preview as unknown as Annotations & { initialGlobals?: Record<string, unknown> };
  const title = meta.title ?? file;
  return Object.entries(mod)
    .filter(([name]) => isStoryExport(name, meta))
    .map(([exportName, value]) => {
      const story: Annotations = typeof value === 'function' ? { render: value as Render } : ((value ?? {}) as Annotations);
      const name = story.name ?? exportName;
      const render = story.render ?? meta.render;
      if (!render) throw new Error(`${title} › ${name}: no render function (neither the story nor its meta has one).`);
      const decorators = [...list(story.decorators), ...list(meta.decorators), ...list(projectAnnotations.decorators)];
      const loaders = [...list(projectAnnotations.loaders), ...list(meta.loaders), ...list(story.loaders)];
      return {
        label: `${title} › ${name}`,
        parameters: { ...projectAnnotations.parameters, ...meta.parameters, ...story.parameters },
        async mount(container, globals = {}) {
          const context: StoryContext = {
            id: `${title}--${exportName}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-'),
            name,
            title,
            args: { ...projectAnnotations.args, ...meta.args, ...story.args },
            argTypes: {},
            globals: { ...projectAnnotations.initialGlobals, ...globals },
            loaded: {},
            parameters: { ...projectAnnotations.parameters, ...meta.parameters, ...story.parameters },
            viewMode: 'story',
          };
          for (const results of await Promise.all(loaders.map((load) => load(context)))) Object.assign(context.loaded, results ?? {});
          // Decorators wrap from the inside out: decorators[0] (the story's first) is innermost.
          let storyFn = (update?: Partial<StoryContext>): unknown => render(update?.args ?? context.args, { ...context, ...update });
          for (const decorator of decorators) {
            const inner = storyFn;
            storyFn = (update?: Partial<StoryContext>) => decorator((u) => inner({ ...update, ...u }), { ...context, ...update });
          }
          const result = storyFn();
          if (result instanceof Node) {
            container.replaceChildren(result);
          } else if (typeof result === 'string') {
            container.innerHTML = result; // story source, not message data
          } else {
            litRender(result, container);
          }
        },
        unmount(container) {
          litRender(nothing, container);
          container.replaceChildren();
        },
      } satisfies ComposedStory;
    });
}

