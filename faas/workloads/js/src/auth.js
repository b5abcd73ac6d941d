/*
 * auth: verifies an HS256 JSON Web Token (RFC 7519, RFC 7515 §A.1), like the TeeMate artifact's
 * own_benchmark/auth.js: a request handler that checks a bearer token before doing any work.
 *
 * params: token  compact JWS "header.payload.signature" (base64url, no padding); default: a demo
 *                token signed with the default key
 *         key    the HMAC-SHA256 secret (string); default "teemate-demo-key"
 *         now    seconds since the epoch to check "exp"/"nbf" against (optional; no clock is read,
 *                so a result never depends on when it ran)
 *         rounds how many times the MAC is recomputed (default 1), to scale the work
 * result: {valid:true, alg, header, claims} or {valid:false, reason}
 * Only require('crypto').createHmac('sha256', key).update(string).digest() is used.
 */
'use strict';
const crypto = require('crypto');

const DEFAULT_KEY = 'teemate-demo-key';
// header {"alg":"HS256","typ":"JWT"}, claims {"sub":"alice","role":"reader","exp":1767225600}
const DEFAULT_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' +
  'eyJzdWIiOiJhbGljZSIsInJvbGUiOiJyZWFkZXIiLCJleHAiOjE3NjcyMjU2MDB9.' +
  'SIGNATURE';

function toBase64Url(buf) {
  return buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s) {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) throw new Error('not base64url');
  return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function sign(input, key) {
  return toBase64Url(crypto.createHmac('sha256', key).update(input).digest());
}

// Compares two strings without stopping at the first difference.
function sameText(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function defaultToken(key) {
  const parts = DEFAULT_TOKEN.split('.');
  return parts[0] + '.' + parts[1] + '.' + sign(parts[0] + '.' + parts[1], key);
}

function verify(token, key, now, rounds) {
  if (typeof token !== 'string' || token.length === 0) return { valid: false, reason: 'empty token' };
  const parts = token.split('.');
  if (parts.length !== 3) return { valid: false, reason: 'malformed token: expected 3 parts, got ' + parts.length };
  let header, claims;
  try {
    header = JSON.parse(fromBase64Url(parts[0]).toString('utf8'));
    claims = JSON.parse(fromBase64Url(parts[1]).toString('utf8'));
  } catch (e) {
    return { valid: false, reason: 'malformed token: header or claims are not base64url JSON' };
  }
  if (header === null || typeof header !== 'object' || header.alg !== 'HS256') {
    return { valid: false, reason: 'unsupported alg: ' + (header && header.alg) };
  }
  const signingInput = parts[0] + '.' + parts[1];
  let expected = '';
  for (let r = 0; r < rounds; r++) expected = sign(signingInput, key);
  if (!sameText(expected, parts[2])) return { valid: false, reason: 'signature mismatch' };
  if (typeof now === 'number') {
    if (typeof claims.exp === 'number' && now >= claims.exp) return { valid: false, reason: 'token expired' };
    if (typeof claims.nbf === 'number' && now < claims.nbf) return { valid: false, reason: 'token not yet valid' };
  }
  return { valid: true, alg: header.alg, header, claims };
}

function main(params) {
  params = params || {};
  const key = typeof params.key === 'string' ? params.key : DEFAULT_KEY;
  const token = params.token !== undefined ? params.token : defaultToken(DEFAULT_KEY);
  const rounds = Math.max(1, Math.floor(Number(params.rounds) || 1));
  const now = params.now !== undefined ? Number(params.now) : undefined;
  return verify(token, key, now, rounds);
}

module.exports = { main };
