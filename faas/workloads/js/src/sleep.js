/*
 * sleep: SeBS 010.sleep (nodejs): waits params.sleep milliseconds with setTimeout and answers.
 * It measures a platform's fixed per-call cost, so it does no work of its own.
 *
 * params: sleep  milliseconds to wait (default 10; 0 still yields to the event loop once)
 * result: {requested_ms}  (no measured time: results must be deterministic)
 */
'use strict';

function main(params) {
  params = params || {};
  const ms = params.sleep !== undefined ? Math.max(0, Number(params.sleep) || 0) : 10;
  return new Promise((resolve) => setTimeout(() => resolve({ requested_ms: ms }), ms));
}

module.exports = { main };
