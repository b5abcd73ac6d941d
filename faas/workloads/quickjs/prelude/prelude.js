/*
 * The Node.js surface of TeeMate's JavaScript functions: what OpenWhisk's Node.js runtime gives an action, on
 * QuickJS in an enclave. Bundled by esbuild (with the npm `buffer` package) into prelude.h and evaluated once per
 * function, before the action's code; jsfn.c calls the __teemate_* functions at the end.
 *
 * console.* goes to standard error, which is the activation's log. fetch and teemate.kv are the host platform's
 * services (teemate.service, an ocall), since the enclave has no network. Crypto is the enclave runtime's (the host
 * imports teemate.digest and teemate.cipher, javax.crypto in the trusted Java runtime); randomness is WASI's
 * random_get, which the enclave answers from its own RDRAND.
 */
import { Buffer } from 'buffer';

const native = globalThis.__native;
delete globalThis.__native;

// ---- console (Node's util.format for %s %d %i %f %j %o %O %%; objects as JSON where Node would inspect) ----
function inspect(v) {
  if (typeof v === 'string') return v;
  if (v instanceof Error) return v.stack ? `${v}\n${v.stack}`.trimEnd() : String(v);
  if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
  if (typeof v === 'symbol' || typeof v === 'bigint') return v.toString() + (typeof v === 'bigint' ? 'n' : '');
  if (v === undefined || v === null || typeof v !== 'object') return String(v);
  if (Buffer.isBuffer(v)) return `<Buffer ${v.toString('hex').replace(/(..)(?!$)/g, '$1 ')}>`;
  try { return JSON.stringify(v); } catch (e) { return Object.prototype.toString.call(v); }
}
function format(...args) {
  if (typeof args[0] !== 'string') return args.map(inspect).join(' ');
  let i = 1;
  let s = args[0].replace(/%[sdifjoO%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= args.length) return m;
    const a = args[i++];
    switch (m) {
      case '%s': return typeof a === 'string' ? a : inspect(a);
      case '%d': case '%i': return String(m === '%i' ? parseInt(a) : Number(a));
      case '%f': return String(parseFloat(a));
      default: return inspect(a);
    }
  });
  for (; i < args.length; i++) s += ' ' + inspect(args[i]);
  return s;
}
const line = (...args) => native.write(2, format(...args) + '\n');
globalThis.console = { log: line, info: line, debug: line, warn: line, error: line, trace: line };

// ---- timers: a queue the event loop in jsfn.c drains in due order ----
let timerSeq = 0;
const timers = new Map(); // id -> {due, fn, args, every}
function addTimer(fn, ms, args, every) {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
  ms = Math.max(1, Number(ms) || 0);
  const id = ++timerSeq;
  timers.set(id, { due: native.now() + ms, fn, args, every: every ? ms : 0, seq: id });
  return id;
}
globalThis.setTimeout = (fn, ms, ...args) => addTimer(fn, ms, args, false);
globalThis.setInterval = (fn, ms, ...args) => addTimer(fn, ms, args, true);
globalThis.setImmediate = (fn, ...args) => addTimer(fn, 0, args, false);
globalThis.clearTimeout = globalThis.clearInterval = globalThis.clearImmediate = (id) => { timers.delete(id); };
globalThis.queueMicrotask = (fn) => { Promise.resolve().then(fn); };
// process.nextTick's own queue, run before promise jobs as Node runs it (processTicksAndRejections): jsfn.c's loop
// alternates __teemate_ticks and QuickJS's job queue until both are empty.
const ticks = [];

// ---- Buffer, text, performance, process ----
globalThis.Buffer = Buffer;
globalThis.global = globalThis;
class TextEncoder {
  get encoding() { return 'utf-8'; }
  encode(s = '') { const b = Buffer.from(String(s), 'utf8'); return new Uint8Array(b.buffer, b.byteOffset, b.length); }
}
class TextDecoder {
  constructor(label = 'utf-8') {
    if (!/^utf-?8$/i.test(label)) throw new RangeError(`The "${label}" encoding is not supported`);
  }
  get encoding() { return 'utf-8'; }
  decode(v) {
    if (v === undefined) return '';
    const b = ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : Buffer.from(v);
    return b.toString('utf8');
  }
}
globalThis.TextEncoder = TextEncoder;
globalThis.TextDecoder = TextDecoder;
globalThis.performance = { now: () => native.now() - startedAt };
let startedAt = native.now();
const process = {
  env: {},
  argv: ['node'],
  platform: 'linux',
  version: 'v20.0.0',
  versions: { node: '20.0.0', quickjs: '2025-04-26' },
  nextTick: (fn, ...args) => { ticks.push(() => fn(...args)); },
  hrtime: Object.assign((prev) => {
    const t = native.now(); const s = Math.floor(t / 1e3); const ns = Math.round((t - s * 1e3) * 1e6);
    return prev ? [s - prev[0] - (ns < prev[1] ? 1 : 0), (ns - prev[1] + 1e9) % 1e9] : [s, ns];
  }, { bigint: () => BigInt(Math.round(native.now() * 1e6)) }),
  cwd: () => '/action',
  exit: (code) => { throw new Error(`process.exit(${code}) is not supported in a function`); },
};
globalThis.process = process;

// ---- crypto: the subset the workloads need, backed by the enclave runtime ----
const bytes = (data, enc) => (typeof data === 'string' ? Buffer.from(data, enc || 'utf8') : Buffer.from(data.buffer ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data));
const output = (ab, enc) => { const b = Buffer.from(ab); return enc ? b.toString(enc) : b; };
class Hash {
  constructor(alg, key) { this.alg = String(alg).toLowerCase(); this.key = key; this.parts = []; this.done = false;
    native.digest(this.alg, new ArrayBuffer(0), key); } // unknown algorithm: throws here, as Node does
  update(data, enc) { if (this.done) throw new Error('Digest already called'); this.parts.push(bytes(data, enc)); return this; }
  digest(enc) {
    if (this.done) throw new Error('Digest already called');
    this.done = true;
    const all = Buffer.concat(this.parts);
    return output(native.digest(this.alg, all, this.key), enc);
  }
}
class Cipher {
  constructor(spec, key, iv, encrypt, options) {
    this.spec = String(spec).toLowerCase(); this.key = bytes(key); this.iv = iv == null ? undefined : bytes(iv);
    this.encrypt = encrypt; this.parts = []; this.aad = undefined; this.tag = undefined; this.authTag = undefined;
    this.padding = true;
  }
  setAAD(aad) { this.aad = bytes(aad); return this; }
  setAuthTag(tag) { this.tag = bytes(tag); return this; }
  getAuthTag() { if (!this.authTag) throw new Error('Invalid state for operation getAuthTag'); return this.authTag; }
  setAutoPadding(on = true) { this.padding = on; return this; }
  // Node returns whole blocks from update(); here all output comes from final(), which is the same bytes when
  // concatenated (Buffer.concat([c.update(x), c.final()]), the pattern Node's documentation uses).
  update(data, inEnc, outEnc) { this.parts.push(bytes(data, inEnc)); return outEnc ? '' : Buffer.alloc(0); }
  final(outEnc) {
    const spec = this.padding ? this.spec : this.spec + '/nopadding';
    const [out, tag] = native.cipher(spec, this.encrypt, this.key, this.iv, Buffer.concat(this.parts), this.aad, this.tag);
    if (tag.byteLength) this.authTag = Buffer.from(tag);
    return output(out, outEnc);
  }
}
const crypto = {
  createHash: (alg) => new Hash(alg, undefined),
  createHmac: (alg, key) => new Hash(alg, bytes(key)),
  randomBytes: (n, cb) => { const b = Buffer.from(native.randomBytes(n)); if (cb) { setImmediate(cb, null, b); return undefined; } return b; },
  randomUUID: () => {
    const b = Buffer.from(native.randomBytes(16)); b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString('hex'); return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  },
  createCipheriv: (spec, key, iv, o) => new Cipher(spec, key, iv, true, o),
  createDecipheriv: (spec, key, iv, o) => new Cipher(spec, key, iv, false, o),
  getHashes: () => ['md5', 'sha1', 'sha256', 'sha384', 'sha512'],
  timingSafeEqual: (a, b) => {
    if (a.length !== b.length) throw new RangeError('Input buffers must have the same byte length');
    let d = 0; for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i]; return d === 0;
  },
};
crypto.webcrypto = { getRandomValues: (a) => { new Uint8Array(a.buffer, a.byteOffset, a.byteLength).set(new Uint8Array(native.randomBytes(a.byteLength))); return a; } };
globalThis.crypto = crypto.webcrypto;

// ---- the host platform's services: fetch and the key-value store (teemate.service, an ocall) ----
// The enclave has no network: a request goes to the host's platform, which makes the HTTP request or talks to the
// store. Requests and replies are frames: a u32 (big-endian) header length, a JSON header, then bytes. A reply is
// the host's, so UNTRUSTED: every field is checked, a body is never larger than MAX_BODY, and a host that claims an
// impossible length or stops sending before the end is an error, never a loop.
const SERVICE_REPLY = 256 * 1024; // the ocall buffer: no reply is longer
const SERVICE_CHUNK = 192 * 1024; // the most value bytes one request carries (the ocall buffer holds the request too)
const MAX_BODY = 64 * 1024 * 1024;
const utf8 = new TextDecoder();
function frame(header, payload) {
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const p = payload || Buffer.alloc(0);
  const b = Buffer.alloc(4 + h.length + p.length);
  b.writeUInt32BE(h.length, 0); h.copy(b, 4); Buffer.from(p.buffer, p.byteOffset, p.byteLength).copy(b, 4 + h.length);
  return b;
}
class ServiceError extends Error {}
function service(name, header, payload, what) {
  let reply;
  try {
    reply = Buffer.from(native.service(name, frame(header, payload), SERVICE_REPLY));
  } catch (e) {
    if (e && e.errno === 38) {
      throw new ServiceError(name === 'kv'
        ? 'the platform has no key-value store: start teemate serve with --kv HOST:PORT'
        : `the platform has no ${name} service`);
    }
    if (e && e.errno === 7) throw new ServiceError(`${what}: the host's reply did not fit in ${SERVICE_REPLY} bytes`);
    throw new ServiceError(`${what}: the host's ${name} service failed (errno ${e && e.errno})`);
  }
  if (reply.length < 4) throw new ServiceError(`${what}: the host sent a malformed reply`);
  const n = reply.readUInt32BE(0);
  if (n > reply.length - 4) throw new ServiceError(`${what}: the host sent a malformed reply`);
  let h;
  try { h = JSON.parse(utf8.decode(reply.subarray(4, 4 + n))); } catch (e) { h = null; }
  if (h === null || typeof h !== 'object' || Array.isArray(h)) throw new ServiceError(`${what}: the host sent a malformed reply`);
  if (typeof h.error === 'string') throw new ServiceError(`${what}: ${h.error}`);
  return [h, reply.subarray(4 + n)];
}
const isCount = (v, max) => Number.isSafeInteger(v) && v >= 0 && v <= max;
/**
 * Reads a body of `total` bytes (checked against MAX_BODY) whose first part is `first`, asking `more(offset)` for the
 * rest: each answer must be non-empty, claim the same total, and not run past it.
 */
function readAll(total, first, more, what) {
  if (!isCount(total, MAX_BODY)) throw new ServiceError(`${what}: the host claims a body of ${total} bytes (the most is ${MAX_BODY})`);
  const body = Buffer.alloc(total);
  let at = 0;
  let part = first;
  for (;;) {
    if (part.length > total - at) throw new ServiceError(`${what}: the host sent more than the ${total} bytes it claimed`);
    part.copy(body, at);
    at += part.length;
    if (at === total) return body;
    if (part.length === 0) throw new ServiceError(`${what}: the host stopped sending at byte ${at} of ${total}`);
    const [h, next] = more(at);
    if (h.total !== total) throw new ServiceError(`${what}: the host changed the body's length from ${total} to ${h.total}`);
    part = next;
  }
}

// fetch: GET and HEAD over http and https, as WHATWG fetch (Node 18+) answers them; the body is read whole.
class Headers {
  constructor(init) {
    this.map = new Map();
    if (init) for (const [k, v] of (init instanceof Headers ? init.entries() : Object.entries(init))) this.map.set(String(k).toLowerCase(), String(v));
  }
  get(name) { const v = this.map.get(String(name).toLowerCase()); return v === undefined ? null : v; }
  has(name) { return this.map.has(String(name).toLowerCase()); }
  entries() { return this.map.entries(); }
  forEach(fn) { for (const [k, v] of this.map) fn(v, k, this); }
  [Symbol.iterator]() { return this.map.entries(); }
}
class Response {
  constructor(h, body) {
    this.status = h.status; this.statusText = h.statusText; this.url = h.url; this.headers = new Headers(h.headers);
    this.ok = h.status >= 200 && h.status <= 299; this.redirected = false; this.type = 'basic';
    this.body_ = body; this.bodyUsed = false;
  }
  take() {
    if (this.bodyUsed) return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.bodyUsed = true;
    return Promise.resolve(this.body_);
  }
  arrayBuffer() { return this.take().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length)); }
  text() { return this.take().then((b) => b.toString('utf8')); }
  json() { return this.text().then((t) => JSON.parse(t)); }
}
function fetchNow(input, init) {
  const url = String(typeof input === 'object' && input !== null && input.url ? input.url : input);
  const method = String((init && init.method) || 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') throw new TypeError(`fetch: only GET and HEAD are supported here, not ${method}`);
  if (!/^https?:\/\/[^/?#]/i.test(url)) throw new TypeError(`fetch: ${url} is not an http or https URL`);
  const what = `fetch ${url}`;
  const ask = (offset, id) => {
    const [h, part] = service('fetch', { method, url, offset, id, length: SERVICE_REPLY - 4096 }, null, what);
    if (!isCount(h.status, 999) || h.status < 100 || typeof h.statusText !== 'string' || typeof h.url !== 'string'
        || h.headers === null || typeof h.headers !== 'object' || Array.isArray(h.headers) || typeof h.id !== 'string'
        || (offset > 0 && h.id !== id)) {
      throw new ServiceError(`${what}: the host sent a malformed reply`);
    }
    return [h, part];
  };
  const [h, first] = ask(0, '');
  const body = method === 'HEAD' ? Buffer.alloc(0) : readAll(h.total, first, (at) => ask(at, h.id), what);
  return new Response(h, body);
}
// A rejected promise as Node's fetch rejects (TypeError: fetch failed, the reason as its cause).
globalThis.fetch = (input, init) => new Promise((resolve, reject) => {
  try { resolve(fetchNow(input, init)); } catch (e) {
    if (e instanceof ServiceError) { const t = new TypeError(`fetch failed: ${e.message}`); t.cause = e; reject(t); } else reject(e);
  }
});
globalThis.Headers = Headers;
globalThis.Response = Response;

// teemate.kv: the platform's key-value store (Redis's protocol: TeeMate's own store, `teemate kv serve`, or Redis).
// Values are bytes; a large one is written as a SET then APPENDs, and read by ranges.
const kvKey = (key) => {
  if (typeof key !== 'string' || key.length === 0 || key.length > 1024) throw new TypeError('teemate.kv: the key must be a string of 1 to 1024 characters');
  return key;
};
const kvValue = (v) => {
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (v instanceof ArrayBuffer) return Buffer.from(v);
  throw new TypeError('teemate.kv.set: the value must be a string, a Buffer or a Uint8Array');
};
const settle = (fn) => new Promise((resolve, reject) => { try { resolve(fn()); } catch (e) { reject(e); } });
globalThis.teemate = {
  kv: {
    /** Stores value (string: UTF-8) under key; resolves to undefined. */
    set: (key, value) => settle(() => {
      key = kvKey(key);
      const b = kvValue(value);
      if (b.length > MAX_BODY) throw new RangeError(`teemate.kv.set: a value is at most ${MAX_BODY} bytes`);
      const what = `teemate.kv.set ${key}`;
      for (let at = 0; at === 0 || at < b.length; at += SERVICE_CHUNK) {
        const part = b.subarray(at, Math.min(b.length, at + SERVICE_CHUNK));
        const [h] = service('kv', { op: at === 0 ? 'SET' : 'APPEND', key }, part, what);
        if (h.length !== at + part.length) throw new ServiceError(`${what}: the store holds ${h.length} bytes after writing ${at + part.length}`);
      }
      return undefined;
    }),
    /** The value under key as a Buffer, or null when there is none. */
    get: (key) => settle(() => {
      key = kvKey(key);
      const what = `teemate.kv.get ${key}`;
      const ask = (offset) => {
        const [h, part] = service('kv', { op: 'GET', key, offset, length: SERVICE_REPLY - 4096 }, null, what);
        if (typeof h.exists !== 'boolean' || (offset > 0 && !h.exists)) throw new ServiceError(`${what}: the host sent a malformed reply`);
        return [h, part];
      };
      const [h, first] = ask(0);
      return h.exists ? readAll(h.total, first, ask, what) : null;
    }),
  },
};

const util = {
  format, inspect,
  promisify: (fn) => (...args) => new Promise((res, rej) => fn(...args, (e, v) => (e ? rej(e) : res(v)))),
  TextEncoder, TextDecoder,
  types: { isPromise: (p) => p instanceof Promise },
};
const builtins = {
  buffer: { Buffer },
  crypto,
  util,
  timers: { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate },
  process,
};

// ---- CommonJS: plain code, or a zipped action's files (package.json main, node_modules) ----
let files = null; // path -> source, for a zipped action
const cache = new Map();
function normalize(path) {
  const out = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop(); else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}
const dirname = (p) => p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
const join = (dir, name) => (dir === '' ? name : dir + '/' + name);
function asFile(p) {
  if (p !== '') for (const c of [p, p + '.js', p + '.json', p + '.cjs']) if (files.has(c)) return c;
  if (files.has(join(p, 'package.json'))) {
    const pkg = JSON.parse(files.get(join(p, 'package.json')));
    if (pkg.main) { const m = asFile(normalize(join(p, pkg.main))); if (m) return m; }
  }
  for (const c of [join(p, 'index.js'), join(p, 'index.json')]) if (files.has(c)) return c;
  return null;
}
function resolve(request, fromDir) {
  if (request.startsWith('node:')) request = request.slice(5);
  if (Object.prototype.hasOwnProperty.call(builtins, request)) return { builtin: request };
  let found = null;
  if (files) {
    if (request.startsWith('./') || request.startsWith('../') || request.startsWith('/')) {
      found = asFile(normalize((request.startsWith('/') ? '' : fromDir + '/') + request));
    } else {
      for (let dir = fromDir; found === null; dir = dirname(dir)) {
        found = asFile(normalize(dir + '/node_modules/' + request));
        if (dir === '') break;
      }
    }
  }
  if (found === null) {
    const e = new Error(`Cannot find module '${request}'`); e.code = 'MODULE_NOT_FOUND'; throw e;
  }
  return { path: found };
}
function requireFrom(fromDir) {
  const req = (request) => {
    const r = resolve(String(request), fromDir);
    if (r.builtin) return builtins[r.builtin];
    return load(r.path);
  };
  req.resolve = (request) => { const r = resolve(String(request), fromDir); return r.builtin || '/action/' + r.path; };
  return req;
}
function evaluate(source, path, module) {
  const wrapper = new Function('exports', 'require', 'module', '__filename', '__dirname', source + '\n');
  wrapper.call(module.exports, module.exports, requireFrom(dirname(path)), module, '/action/' + path, '/action/' + dirname(path));
}
function load(path) {
  if (cache.has(path)) return cache.get(path).exports;
  const module = { exports: {}, id: path, filename: '/action/' + path, loaded: false };
  cache.set(path, module);
  if (path.endsWith('.json')) module.exports = JSON.parse(files.get(path));
  else evaluate(files.get(path), path, module);
  module.loaded = true;
  return module.exports;
}
globalThis.require = requireFrom('');

const NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const pick = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
let action = null;

/** /init: {"code", "main", "env", "files"}. Throws what OpenWhisk reports as "Initialization has failed due to: ...". */
globalThis.__teemate_init = function (json) {
  const init = JSON.parse(json);
  const main = init.main || 'main';
  if (!NAME.test(main)) throw new Error(`main "${main}" is not a JavaScript name (e.g. "main" or "handlers.hello")`);
  Object.assign(process.env, init.env || {});
  if (init.files) {
    files = new Map(Object.entries(init.files));
    // main "file.fn": the module file before the first dot, if the archive has it (OpenWhisk's runner does this)
    const dot = main.indexOf('.');
    let entry = dot > 0 ? asFile(main.slice(0, dot)) : null;
    let exportPath = entry ? main.slice(dot + 1) : main;
    if (!entry) entry = asFile('');
    if (!entry) throw new Error('Zipped actions must contain either package.json or index.js at the root.');
    action = pick(load(entry), exportPath);
  } else {
    if (typeof init.code !== 'string' || init.code.trim() === '') throw new Error('Missing main/no code to execute.');
    const module = { exports: {} };
    const f = new Function('exports', 'require', 'module', '__filename', '__dirname',
      `${init.code}\n;return (function () { try { return ${main}; } catch (e) { if (e instanceof ReferenceError) return undefined; throw e; } })();`);
    action = f.call(module.exports, module.exports, globalThis.require, module, '/action/index.js', '/action');
    if (typeof action !== 'function') action = pick(module.exports, main);
  }
  if (typeof action !== 'function') throw new Error(`Action entrypoint '${main}' is not a function.`);
};

let settled = null; // [ok, value]
/** /run: {"value": params, "env": {__OW_ACTIVATION_ID, ...}}; the loop in jsfn.c runs until the result settles. */
globalThis.__teemate_run = function (json) {
  const run = JSON.parse(json);
  Object.assign(process.env, run.env || {});
  startedAt = native.now();
  settled = null;
  // main runs now, as OpenWhisk's runner calls it; its promise (or value) settles through the event loop
  try {
    Promise.resolve(action(run.value === undefined ? {} : run.value))
      .then((v) => { settled = [true, v]; }, (e) => { settled = [false, e]; });
  } catch (e) {
    settled = [false, e];
  }
};
/** Runs the process.nextTick queue (ticks queued meanwhile too); returns how many ran. */
globalThis.__teemate_ticks = function () {
  let n = 0;
  while (ticks.length > 0) { ticks.shift()(); n++; }
  return n;
};
/** Milliseconds until the next timer is due (0: one is due), or -1: stop (settled, or nothing left to run). */
globalThis.__teemate_next_timer = function () {
  if (settled !== null || timers.size === 0) return -1;
  let next = Infinity;
  for (const t of timers.values()) next = Math.min(next, t.due);
  return Math.max(0, next - native.now());
};
/** Runs the earliest due timer, one per call: Node drains ticks and promise jobs after each (since Node 11). */
globalThis.__teemate_fire_timers = function () {
  const now = native.now();
  let first = null;
  for (const [id, t] of timers) {
    if (t.due <= now && (first === null || t.due < first[1].due || (t.due === first[1].due && t.seq < first[1].seq))) first = [id, t];
  }
  if (first === null) return;
  const [id, t] = first;
  if (t.every) { t.due = now + t.every; t.seq = ++timerSeq; } else timers.delete(id);
  t.fn(...t.args);
};
/** "0" + the result's JSON, or "1" + {"error": ...}, as OpenWhisk's Node.js runtime answers /run. */
globalThis.__teemate_response = function () {
  if (settled === null) return '1' + JSON.stringify({ error: 'The action did not settle: its promise is still pending and no timer is left to settle it.' });
  const [ok, v] = settled;
  if (!ok) {
    if (v instanceof Error) { console.error(v); return '1' + JSON.stringify({ error: `An error has occurred: ${v}` }); }
    // a rejection with a value: OpenWhisk returns it as the application error
    return '1' + JSON.stringify({ error: v === undefined ? 'The action rejected its promise with no reason.' : v });
  }
  const result = v === undefined || v === null ? {} : v;
  if (typeof result !== 'object') return '1' + JSON.stringify({ error: 'The action did not return a dictionary.' });
  return '0' + JSON.stringify(result);
};
