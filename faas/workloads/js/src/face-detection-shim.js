// Loaded before tracking.js: the browser globals it touches at load time (nothing else is used).
globalThis.window = globalThis;
globalThis.navigator = globalThis.navigator || {};
globalThis.window.URL = globalThis.window.URL || {};
