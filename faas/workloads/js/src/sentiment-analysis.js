/*
 * sentiment-analysis: the TeeMate artifact's own_benchmark/sentiment-analysis.js: scores a text
 * with the AFINN-165 word list of sentiment@5.0.2 (MIT, https://github.com/thisandagain/sentiment).
 *
 * params: text    the text to analyse (default: a short product review)
 *         repeat  the text is repeated this many times, space separated (default 1), to scale
 * result: sentiment's analysis: {score, comparative, calculation, tokens, words, positive, negative}
 */
'use strict';
const Sentiment = require('sentiment');

const DEFAULT_TEXT =
  'The enclave starts fast and the wonderful new scheduler is amazing, ' +
  'but the old logging was bad and the stupid timeout still hurts. Overall a secure, happy upgrade.';

let analyzer = null;

function main(params) {
  params = params || {};
  const text = typeof params.text === 'string' ? params.text : DEFAULT_TEXT;
  const repeat = Math.max(1, Math.floor(Number(params.repeat) || 1));
  if (analyzer === null) analyzer = new Sentiment();
  return analyzer.analyze(repeat === 1 ? text : new Array(repeat).fill(text).join(' '));
}

module.exports = { main };
