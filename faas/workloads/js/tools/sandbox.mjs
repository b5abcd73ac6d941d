// The globals TeeMate's QuickJS runtime gives an action, implemented with node's own Buffer and
// crypto, in a fresh node:vm context. Shared by run_node.mjs and make_expected.mjs.
//
// strict (default): ONLY the documented surface exists, so an action that reaches for anything
// else (fs, process.*, Intl, WebAssembly, queueMicrotask, crypto.pbkdf2, hash algorithms other
// than md5/sha1/sha256/sha512, ...) fails here as it would in the enclave.
// loose: the same names, but the plain node objects behind them (crypto module, Buffer class).
import vm from 'node:vm';
import nodeCrypto from 'node:crypto';
import { Buffer as NodeBuffer } from 'node:buffer';

const HASHES = ['md5', 'sha1', 'sha256', 'sha512'];
const CIPHERS = ['aes-128-cbc', 'aes-256-cbc', 'aes-128-ctr', 'aes-256-gcm'];
const ENCODINGS = ['hex', 'base64', undefined];

function check(ok, what) {
  if (!ok) throw new Error('teemate runtime: not available: ' + what);
}

function hashLike(obj, kind) {
  // only update(string|Buffer) and digest('hex'|'base64'|undefined)
  const h = {
    update(data) {
      check(typeof data === 'string' || NodeBuffer.isBuffer(data) || data instanceof Uint8Array, kind + '.update(' + typeof data + ')');
      obj.update(data);
      return h;
    },
    digest(enc) {
      check(ENCODINGS.includes(enc), kind + ".digest('" + enc + "')");
      return obj.digest(enc);
    },
  };
  return h;
}

function cipherLike(obj, kind, gcm, decipher) {
  const c = {
    update(data, inEnc, outEnc) {
      check(inEnc === undefined || ['hex', 'base64', 'utf8'].includes(inEnc), kind + '.update input encoding ' + inEnc);
      check(outEnc === undefined || ['hex', 'base64', 'utf8'].includes(outEnc), kind + '.update output encoding ' + outEnc);
      return obj.update(data, inEnc, outEnc);
    },
    final(outEnc) {
      check(outEnc === undefined || ['hex', 'base64', 'utf8'].includes(outEnc), kind + '.final encoding ' + outEnc);
      return obj.final(outEnc);
    },
  };
  if (gcm && !decipher) c.getAuthTag = () => obj.getAuthTag();
  if (gcm && decipher) c.setAuthTag = (t) => { obj.setAuthTag(t); return c; };
  return c;
}

export const strictCrypto = Object.freeze({
  createHash(alg) {
    check(HASHES.includes(alg), "createHash('" + alg + "')");
    return hashLike(nodeCrypto.createHash(alg), 'hash');
  },
  createHmac(alg, key) {
    check(HASHES.includes(alg), "createHmac('" + alg + "')");
    return hashLike(nodeCrypto.createHmac(alg, key), 'hmac');
  },
  randomBytes(n) {
    check(arguments.length === 1, 'randomBytes with a callback');
    return nodeCrypto.randomBytes(n);
  },
  createCipheriv(alg, key, iv) {
    check(CIPHERS.includes(alg), "createCipheriv('" + alg + "')");
    return cipherLike(nodeCrypto.createCipheriv(alg, key, iv), 'cipher', alg.endsWith('gcm'), false);
  },
  createDecipheriv(alg, key, iv) {
    check(CIPHERS.includes(alg), "createDecipheriv('" + alg + "')");
    return cipherLike(nodeCrypto.createDecipheriv(alg, key, iv), 'decipher', alg.endsWith('gcm'), true);
  },
});

// Names a V8 context has that QuickJS 2025-04-26 (wasm32-wasi build, no CONFIG_ATOMICS) has not,
// or that the runtime does not provide.
const NOT_IN_QUICKJS = ['Intl', 'WebAssembly', 'Atomics', 'SharedArrayBuffer'];

/**
 * Makes the context. options: strict (true), files (a Map or object url-or-path -> Buffer|string
 * served by fetch; unknown URLs answer 404), kv (a Map key -> Buffer, the in-memory teemate.kv),
 * env (process.env), log (function(level, args) for console output; default: to stderr),
 * fetch (replaces the file-map fetch, e.g. with one that asks a real local server),
 * forbidClock (Math.random, Date.now and new Date() without arguments throw: results must not
 * depend on them).
 */
export function makeContext(options = {}) {
  const strict = options.strict !== false;
  const files = options.files instanceof Map ? options.files : new Map(Object.entries(options.files || {}));
  const kv = options.kv || new Map();
  const log = options.log || ((level, args) => process.stderr.write('[action ' + level + '] ' + args.map(String).join(' ') + '\n'));
  const timers = new Set();

  const sandbox = vm.createContext(Object.create(null), { name: 'teemate-action', codeGeneration: { strings: true, wasm: false } });
  const g = (name, value) => Object.defineProperty(sandbox, name, { value, writable: true, configurable: true, enumerable: false });
  if (strict) {
    for (const n of NOT_IN_QUICKJS) vm.runInContext('delete globalThis.' + n, sandbox);
  }

  const consoleObj = {};
  for (const level of ['log', 'error', 'warn', 'info']) consoleObj[level] = (...args) => log(level, args);
  g('console', consoleObj);

  const track = (h) => { timers.add(h); return h; };
  g('setTimeout', (fn, ms, ...a) => { const h = setTimeout(() => { timers.delete(h); fn(...a); }, ms); return track(h); });
  g('clearTimeout', (h) => { timers.delete(h); clearTimeout(h); });
  g('setInterval', (fn, ms, ...a) => track(setInterval(fn, ms, ...a)));
  g('clearInterval', (h) => { timers.delete(h); clearInterval(h); });
  g('setImmediate', (fn, ...a) => { const h = setImmediate(() => { timers.delete(h); fn(...a); }); return track(h); });

  g('Buffer', NodeBuffer);
  g('TextEncoder', TextEncoder);
  g('TextDecoder', strict ? class extends TextDecoder {
    constructor(label = 'utf-8', opts) {
      check(['utf-8', 'utf8'].includes(String(label).toLowerCase()), "TextDecoder('" + label + "')");
      super(label, opts);
    }
  } : TextDecoder);

  const cryptoModule = strict ? strictCrypto : nodeCrypto;
  g('require', (name) => {
    if (name === 'crypto' || name === 'node:crypto') return cryptoModule;
    if (name === 'buffer' || name === 'node:buffer') return { Buffer: NodeBuffer };
    throw new Error("teemate runtime: require('" + name + "') is not available");
  });
  g('process', { env: Object.assign({}, options.env || {}) });

  if (options.forbidClock) {
    vm.runInContext(`(() => {
      const D = Date;
      const no = (what) => () => { throw new Error('teemate check: ' + what + ' makes the result nondeterministic'); };
      Math.random = no('Math.random()');
      function CheckedDate(...a) {
        if (a.length === 0) no('new Date() / Date()')();
        return new.target ? new D(...a) : D(...a);
      }
      Object.setPrototypeOf(CheckedDate, D);
      CheckedDate.prototype = D.prototype;
      CheckedDate.now = no('Date.now()');
      globalThis.Date = CheckedDate;
    })()`, sandbox);
  }

  g('fetch', options.fetch || (async (url) => {
    const u = String(url);
    let key = files.has(u) ? u : null;
    if (key === null) {
      try { const p = new URL(u).pathname; if (files.has(p)) key = p; } catch { /* not absolute */ }
    }
    const body = key === null ? null : NodeBuffer.from(files.get(key));
    const status = body === null ? 404 : 200;
    const bytes = body === null ? NodeBuffer.from('not found\n') : body;
    return {
      ok: status === 200,
      status,
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
      text: async () => bytes.toString('utf8'),
    };
  }));
  g('teemate', {
    kv: {
      set: async (key, value) => { check(NodeBuffer.isBuffer(value), 'teemate.kv.set with a non-Buffer value'); kv.set(String(key), NodeBuffer.from(value)); },
      get: async (key) => (kv.has(String(key)) ? NodeBuffer.from(kv.get(String(key))) : null),
    },
  });
  return { context: sandbox, kv, timers, strict };
}

/** Evaluates an action's code in a context and returns its global main. */
export function loadAction(code, ctx, filename = 'action.js') {
  vm.runInContext(code, ctx.context, { filename });
  const main = vm.runInContext('typeof main === "function" ? main : undefined', ctx.context);
  if (typeof main !== 'function') throw new Error(filename + ' defines no global function main(params)');
  return main;
}

/**
 * Calls main(params) as OpenWhisk's Node runtime does: awaits a returned promise, and answers the
 * result as JSON text (parsed back, so it is exactly what the JSON carries).
 */
export async function invoke(main, params) {
  // params cross into the context as JSON, as they would over the runtime's stdin
  const result = await main(JSON.parse(JSON.stringify(params || {})));
  const json = JSON.stringify(result);
  if (json === undefined) throw new Error('main returned ' + String(result) + ', not a JSON-able object');
  return JSON.parse(json);
}

/**
 * Evaluates an action in node's own realm instead (for timing only): a node:vm context's global
 * object is an interceptor, which makes every global lookup (Math, Array, ...) several times
 * slower than in plain node and would overstate node's time for the numeric kernels. The
 * runtime's require/fetch/teemate/process are passed in as parameters of a wrapper function
 * (and globalThis.teemate is set); Buffer, console, timers and TextEncoder/TextDecoder are node's own.
 */
export function loadActionInMainRealm(code, options = {}, filename = 'action.js') {
  const ctx = makeContext(options); // only to borrow its require/fetch/teemate/process
  const pick = (n) => vm.runInContext(n, ctx.context);
  const wrapper = vm.runInThisContext('(function (require, fetch, teemate, process) {\n' + code + '\n;return main;\n})', { filename });
  // globalThis.teemate is how the uploader reaches the store; node's realm has no such name, so
  // it is set there (the last loaded action's store wins: one action per process is the use).
  globalThis.teemate = pick('teemate');
  const main = wrapper(pick('require'), pick('fetch'), pick('teemate'), pick('process'));
  if (typeof main !== 'function') throw new Error(filename + ' defines no global function main(params)');
  return main;
}
