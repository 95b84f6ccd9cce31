/**
 * imkit: the client core and every element. Importing this module registers the
 * elements; import `imkit/client` for the core alone or `imkit/im-chat.js` etc. for one element.
 */
export * from './src/index.js';
export * from './components/index.js';
