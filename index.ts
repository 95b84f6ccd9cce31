/**
 * imkit: the client core and every element. Importing this module registers the
 * elements; import `imkit/client` for the core alone, `imkit/calls` for the call engine alone or
 * `imkit/im-chat.js` etc. for one element.
 */
export * from './src/index.js';
// The call engine is its own entry (`imkit/calls`); everything-in-one also has it (im-call needs it anyway).
export * from './src/calls/index.js';
export * from './components/index.js';
