// Exercises the Node.js surface TeeMate's prelude gives a JavaScript function; JsNodeApiTest runs it in the enclave
// and under node, and the two results must be equal. Everything here is deterministic in both.
const crypto = require('crypto');
const { Buffer: B } = require('buffer');

function ciphers() {
  const key16 = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  const key32 = Buffer.concat([key16, key16]);
  const iv = Buffer.from('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff', 'hex');
  const text = 'attack at dawn, attack at dawn!! and a tail';
  const out = {};
  for (const [spec, key, ivx] of [['aes-128-cbc', key16, iv], ['aes-256-cbc', key32, iv], ['aes-128-ctr', key16, iv],
                                  ['aes-256-ctr', key32, iv], ['aes-128-ecb', key16, null]]) {
    const c = crypto.createCipheriv(spec, key, ivx);
    const ct = Buffer.concat([c.update(text, 'utf8'), c.final()]);
    const d = crypto.createDecipheriv(spec, key, ivx);
    out[spec] = [ct.toString('hex'), Buffer.concat([d.update(ct), d.final()]).toString('utf8')];
  }
  const g = crypto.createCipheriv('aes-256-gcm', key32, iv.subarray(0, 12));
  g.setAAD(Buffer.from('header'));
  const gct = Buffer.concat([g.update(text), g.final()]);
  const tag = g.getAuthTag();
  const gd = crypto.createDecipheriv('aes-256-gcm', key32, iv.subarray(0, 12));
  gd.setAAD(Buffer.from('header'));
  gd.setAuthTag(tag);
  out.gcm = [gct.toString('base64'), tag.toString('hex'), Buffer.concat([gd.update(gct), gd.final()]).toString()];
  const bad = crypto.createDecipheriv('aes-256-gcm', key32, iv.subarray(0, 12));
  bad.setAuthTag(Buffer.alloc(16));
  try { bad.update(gct); bad.final(); out.gcmForged = 'accepted'; } catch (e) { out.gcmForged = e.message; }
  const cbc = crypto.createDecipheriv('aes-128-cbc', key16, iv);
  try { cbc.update(Buffer.alloc(16, 7)); cbc.final(); out.badPadding = 'accepted'; } catch (e) { out.badPadding = 'refused'; }
  try { crypto.createCipheriv('aes-128-cbc', key16.subarray(0, 5), iv).final(); out.shortKey = 'accepted'; } catch (e) { out.shortKey = 'refused'; }
  return out;
}

function hashes() {
  return {
    md5: crypto.createHash('md5').update('The quick brown fox jumps over the lazy dog').digest('hex'),
    sha1: crypto.createHash('sha1').update(Buffer.from('abc')).digest('base64'),
    sha256: crypto.createHash('sha256').update('a').update('b', 'utf8').digest('hex'),
    sha384: crypto.createHash('sha384').update(new Uint8Array([1, 2, 3])).digest('hex'),
    sha512: crypto.createHash('sha512').update('').digest('hex'),
    hmac: crypto.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'),
    hmacBufferKey: crypto.createHmac('sha512', Buffer.alloc(200, 1)).update('long key').digest('base64'),
    hmacEmptyKey: crypto.createHmac('sha1', '').update('x').digest('hex'),
    digestBuffer: Array.from(crypto.createHash('md5').update('x').digest()).slice(0, 4),
    unknown: (() => { try { crypto.createHash('nope'); return 'accepted'; } catch (e) { return e.message; } })(),
    twice: (() => { const h = crypto.createHash('md5'); h.digest(); try { h.digest(); return 'accepted'; } catch (e) { return 'refused'; } })(),
  };
}

function buffers() {
  const b = Buffer.from('héllo wörld €', 'utf8');
  const w = Buffer.alloc(10);
  w.writeUInt32LE(0xdeadbeef, 0);
  w.writeInt16BE(-2, 4);
  w.writeFloatLE(1.5, 6);
  return {
    hex: b.toString('hex'),
    base64: b.toString('base64'),
    back: Buffer.from(b.toString('base64'), 'base64').toString('utf8'),
    byteLength: Buffer.byteLength('héllo €'),
    slice: b.subarray(1, 5).toString('hex'),
    concat: Buffer.concat([Buffer.from('ab'), Buffer.from([0x63, 0x64])]).toString(),
    compare: [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('x').equals(Buffer.from('x'))],
    written: w.toString('hex'),
    read: [w.readUInt32LE(0), w.readInt16BE(4), w.readFloatLE(6)],
    json: JSON.stringify(Buffer.from([1, 2, 3])),
    isBuffer: [Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(1)), B === Buffer],
    latin1: Buffer.from('ÿ', 'latin1').toString('hex'),
    fill: Buffer.alloc(4, 'ab').toString(),
  };
}

function text() {
  const e = new TextEncoder().encode('héllo € 😀');
  return { encoded: Array.from(e), decoded: new TextDecoder().decode(e), encoding: new TextDecoder().encoding };
}

function main(params) {
  const order = [];
  // Everything settles by events, never by a race against the clock: the result waits for the last timer and the
  // interval's third tick, however slowly the engine runs.
  let lastTimer;
  let intervalsDone;
  const timersDone = new Promise((r) => { lastTimer = r; });
  const ticksDone = new Promise((r) => { intervalsDone = r; });
  setTimeout(() => { order.push('timeout 20'); lastTimer(); }, 20);
  setTimeout(() => {
    order.push('timeout 5');
    process.nextTick(() => order.push('tick in timeout'));
    Promise.resolve().then(() => order.push('promise in timeout'));
  }, 5);
  setTimeout(() => order.push('timeout 5 second'), 5);
  const cleared = setTimeout(() => order.push('cleared'), 1);
  clearTimeout(cleared);
  let n = 0;
  const every = setInterval(() => { order.push('interval ' + ++n); if (n === 3) { clearInterval(every); intervalsDone(); } }, 2);
  Promise.resolve().then(() => order.push('promise'));
  process.nextTick(() => order.push('tick'));
  queueMicrotask(() => order.push('microtask'));
  order.push('sync');
  return Promise.all([timersDone, ticksDone]).then(() => ({
    params,
    order: order.filter((s) => !s.startsWith('interval')),
    intervals: order.filter((s) => s.startsWith('interval')),
    hashes: hashes(),
    ciphers: ciphers(),
    buffers: buffers(),
    text: text(),
    random: [crypto.randomBytes(16).length, /^[0-9a-f-]{36}$/.test(crypto.randomUUID()), Math.random() < 1],
    env: process.env.GREETING,
    types: [typeof setImmediate, typeof performance.now(), typeof global, typeof require('util').format],
    format: require('util').format('%s is %d years and %i%% %j', 'Bob', 42.5, 7.9, { a: 1 }),
  }));
}
