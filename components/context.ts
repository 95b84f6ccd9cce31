import { createContext } from '@lit/context';
import type { ImClientApi } from '../src/client/api.js';

/** The @lit/context key carrying the client that `<im-provider>` provides to the elements inside it. */
export const imClientContext = createContext<ImClientApi | undefined>(Symbol.for('imkit.client'));

/** The theme an `<im-provider theme=…>` hands down; an element's own `theme` attribute wins. */
export type ImTheme = 'light' | 'dark' | 'auto';
export const imThemeContext = createContext<ImTheme | undefined>(Symbol.for('imkit.theme'));

/**
 * The language tag an `<im-provider locale=…>` hands down (any BCP 47 tag; see
 * components/i18n/locale.ts for how it maps onto en / zh-Hans / zh-Hant). An
 * element's own `locale` attribute wins.
 */
export const imLocaleContext = createContext<string | undefined>(Symbol.for('imkit.locale'));
