/*
 * wav-decoder: the TeeMate artifact's own_benchmark/wav-decoder.js: decodes a WAV file with
 * wav-decoder@1.3.0 (MIT, https://github.com/mohayonao/wav-decoder), whose decode() answers
 * with a Promise, so this is the async workload.
 *
 * The WAV is generated here (no file system): PCM triangle waves, period 100 samples on the
 * left channel and 67 on the right, from arithmetic only (no Math.sin), so the decoded floats do
 * not depend on an engine's libm.
 *
 * params: samples      frames per channel (default 2048)
 *         channels     1 or 2 (default 2)
 *         sample_rate  (default 44100)
 *         bit_depth    8, 16, 24 or 32 (default 16)
 * result: {sampleRate, numberOfChannels, length, checksums:[...], first:[[...]...]}
 *         checksums are sums of the decoded floats, each rounded to 6 decimals
 */
'use strict';
const WavDecoder = require('wav-decoder');

// A deterministic integer waveform in [-1, 1): a triangle wave of the given period (in samples).
function sampleAt(i, period, ch) {
  const p = (i + ch * 7) % period;
  const half = period / 2;
  const x = p < half ? p / half : 2 - p / half; // 0..1..0
  return 2 * x - 1;
}

function makeWav(samples, channels, sampleRate, bitDepth) {
  const bytesPerSample = bitDepth / 8;
  const blockAlign = channels * bytesPerSample;
  const dataSize = samples * blockAlign;
  const buf = new ArrayBuffer(44 + dataSize);
  const v = new DataView(buf);
  const ascii = (off, s) => { for (let i = 0; i < s.length; i++) v.setUint8(off + i, s.charCodeAt(i)); };
  ascii(0, 'RIFF'); v.setUint32(4, 36 + dataSize, true); ascii(8, 'WAVE');
  ascii(12, 'fmt '); v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, channels, true);
  v.setUint32(24, sampleRate, true); v.setUint32(28, sampleRate * blockAlign, true);
  v.setUint16(32, blockAlign, true); v.setUint16(34, bitDepth, true);
  ascii(36, 'data'); v.setUint32(40, dataSize, true);
  const periods = [100, 67];
  let off = 44;
  for (let i = 0; i < samples; i++) {
    for (let ch = 0; ch < channels; ch++) {
      const s = sampleAt(i, periods[ch % 2], ch) * 0.5;
      if (bitDepth === 8) v.setUint8(off, Math.round(s * 127) + 128);
      else if (bitDepth === 16) v.setInt16(off, Math.round(s * 32767), true);
      else if (bitDepth === 24) { const n = Math.round(s * 8388607); v.setUint8(off, n & 255); v.setUint8(off + 1, (n >> 8) & 255); v.setInt8(off + 2, n >> 16); }
      else v.setInt32(off, Math.round(s * 2147483647), true);
      off += bytesPerSample;
    }
  }
  return buf;
}

async function main(params) {
  params = params || {};
  const samples = params.samples !== undefined ? Math.max(1, Math.floor(Number(params.samples) || 1)) : 2048;
  const channels = Number(params.channels) === 1 ? 1 : 2;
  const sampleRate = params.sample_rate !== undefined ? Math.floor(Number(params.sample_rate)) : 44100;
  const bitDepth = [8, 16, 24, 32].indexOf(Number(params.bit_depth)) >= 0 ? Number(params.bit_depth) : 16;
  const wav = makeWav(samples, channels, sampleRate, bitDepth);
  const audio = await WavDecoder.decode(wav);
  const checksums = audio.channelData.map((d) => {
    let sum = 0;
    for (let i = 0; i < d.length; i++) sum += d[i];
    return Math.round(sum * 1e6) / 1e6;
  });
  return {
    wavBytes: wav.byteLength,
    sampleRate: audio.sampleRate,
    numberOfChannels: audio.channelData.length,
    length: audio.channelData[0].length,
    checksums,
    first: audio.channelData.map((d) => Array.from(d.subarray(0, 4), (x) => Math.round(x * 1e6) / 1e6)),
  };
}

module.exports = { main };
