import { createContext } from '@lit/context';
import type { ImClientApi } from '../src/client/api.js';

/** The @lit/context key carrying the client that `<im-provider>` provides to the elements inside it. */
export const imClientContext = createContext<ImClientApi | undefined>(Symbol.for('imkit.client'));

/** The theme an `<im-provider theme=…>` hands down; an element's own `theme` attribute wins. */
export type ImTheme = 'light' | 'dark' | 'auto';
export const imThemeContext = createContext<ImTheme | undefined>(Symbol.for('imkit.theme'));
