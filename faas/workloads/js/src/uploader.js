/*
 * uploader: SeBS 311.uploader (nodejs): downloads a file from a URL and stores it in the
 * platform's object store. Here the store is TeeMate's key-value store, reached through
 * globalThis.teemate.kv.set(key, Buffer); the download is the runtime's fetch(url).
 *
 * params: url  what to download (required)
 *         key  where to store it (default: "uploads/" + the last path segment of url)
 * result: {key, bytes, sha256}  (sha256 of the stored bytes, hex)
 */
'use strict';
const crypto = require('crypto');

async function main(params) {
  params = params || {};
  if (typeof params.url !== 'string' || params.url.length === 0) throw new Error('uploader: params.url is required');
  const name = params.url.replace(/[?#].*$/, '').split('/').filter((s) => s.length > 0).pop() || 'download';
  const key = typeof params.key === 'string' && params.key.length > 0 ? params.key : 'uploads/' + name;
  const res = await fetch(params.url);
  if (!res.ok) throw new Error('uploader: GET ' + params.url + ' answered ' + res.status);
  const buf = Buffer.from(await res.arrayBuffer());
  await globalThis.teemate.kv.set(key, buf);
  return { key, bytes: buf.length, sha256: crypto.createHash('sha256').update(buf).digest('hex') };
}

module.exports = { main };
