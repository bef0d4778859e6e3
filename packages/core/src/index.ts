/**
 * smmkit core: typed social-media models, the platform adapter contract, typed errors, and the
 * HTTP, token, content and security helpers adapters are built from.
 *
 * @packageDocumentation
 */
export * from './adapter/index.js';
export * from './auth/index.js';
export * from './content/index.js';
export * from './errors/index.js';
export * from './http/index.js';
export * from './models/index.js';
export * from './security/index.js';
export * from './time/index.js';
