// Makes the face-detection workload's images: a crop of
// tracking@1.1.3's examples/assets/faces.jpg (600x346, three faces; tracking.js is BSD-licensed),
// downscaled with a box filter and re-encoded, all with jpeg-js@0.4.4. Deterministic: running it
// again gives the same bytes.
//   node tools/make_face_image.mjs                 # both committed images:
//     assets/faces-small.jpg  60x60, one face (the default, embedded in the bundle)
//     assets/faces-two.jpg    120x72, two faces (the "two faces" case passes it in params.image)
//   node tools/make_face_image.mjs OUT x y w h factor quality
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const jpeg = require(path.join(root, 'node_modules/jpeg-js'));

const src = jpeg.decode(readFileSync(path.join(root, 'node_modules/tracking/examples/assets/faces.jpg')), { useTArray: true });
const jobs = process.argv.length > 2 ? [process.argv.slice(2)]
  : [['faces-small.jpg', 0, 40, 180, 180, 3, 90], ['faces-two.jpg', 0, 40, 360, 216, 3, 90]];
for (const [name, ...nums] of jobs) make(name, ...nums.map(Number));

function make(name, x0, y0, w, h, f, q) {
const ow = Math.floor(w / f), oh = Math.floor(h / f);
const out = new Uint8Array(ow * oh * 4);
for (let y = 0; y < oh; y++) {
  for (let x = 0; x < ow; x++) {
    for (let c = 0; c < 4; c++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) for (let dx = 0; dx < f; dx++) {
        sum += src.data[((y0 + y * f + dy) * src.width + (x0 + x * f + dx)) * 4 + c];
      }
      out[(y * ow + x) * 4 + c] = Math.round(sum / (f * f));
    }
  }
}
const enc = jpeg.encode({ data: out, width: ow, height: oh }, q);
writeFileSync(path.join(root, 'assets', name), enc.data);
console.log(`assets/${name}: ${ow}x${oh}, ${enc.data.length} bytes (crop ${x0},${y0} ${w}x${h} of ${src.width}x${src.height}, /${f}, quality ${q})`);
}
