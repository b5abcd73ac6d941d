/*
 * face-detection: the TeeMate artifact's own_benchmark/face-detection.js: finds faces in a JPEG
 * with tracking.js's Viola-Jones detector and its frontal-face HAAR cascade (tracking@1.1.3, BSD,
 * https://github.com/eduardolundgren/tracking.js), decoding the JPEG with jpeg-js@0.4.4
 * (BSD-3-Clause, https://github.com/jpeg-js/jpeg-js). Pure JavaScript, no canvas.
 *
 * params: image          base64 JPEG (default: assets/faces-small.jpg, embedded at build time:
 *                        a 60x60 downscaled crop of tracking's examples/assets/faces.jpg
 *                        with one face; assets/faces-two.jpg is a 120x72 one with two)
 *         initial_scale  (default 1.0)  \
 *         scale_factor   (default 1.25)  | tracking.ObjectTracker's defaults
 *         step_size      (default 1.5)   |
 *         edges_density  (default 0.2)  /
 * result: {width, height, faces: [[x, y, width, height], ...]} (as tracking's mergeRectangles_ gives them)
 */
'use strict';
// tracking.js is written for a browser: it reads window, window.URL and navigator when loaded.
require('./face-detection-shim.js');
require('tracking/build/tracking.js');
require('tracking/build/data/face.js');
const jpeg = require('jpeg-js');
const DEFAULT_IMAGE = require('../assets/faces-small.jpg'); // base64 text (esbuild's base64 loader)

const tracking = globalThis.tracking;

function num(v, d) {
  const n = Number(v);
  return v !== undefined && Number.isFinite(n) ? n : d;
}

function main(params) {
  params = params || {};
  const b64 = typeof params.image === 'string' ? params.image : DEFAULT_IMAGE;
  const img = jpeg.decode(Buffer.from(b64, 'base64'), { useTArray: true, formatAsRGBA: true });
  const rects = tracking.ViolaJones.detect(img.data, img.width, img.height,
    num(params.initial_scale, 1.0), num(params.scale_factor, 1.25), num(params.step_size, 1.5),
    num(params.edges_density, 0.2), tracking.ViolaJones.classifiers.face);
  return { width: img.width, height: img.height, faces: rects.map((r) => [r.x, r.y, r.width, r.height]) };
}

module.exports = { main };
