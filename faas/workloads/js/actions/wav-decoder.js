// TeeMate JS workload 'wav-decoder': built by faas/workloads/js/build.sh from src/wav-decoder.js (esbuild 0.28.2).
// OpenWhisk plain-code action: the runtime evaluates this file and calls the global main(params).
/*
 * Bundled npm packages and their license notices:
 *
 * wav-decoder@1.3.0 (license: MIT; author: Nao Yonamine <mohayonao@gmail.com>)
 */
"use strict";
var __action = (() => {
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __commonJS = (cb, mod) => function __require() {
    try {
      return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
    } catch (e) {
      throw mod = 0, e;
    }
  };

  // node_modules/wav-decoder/index.js
  var require_wav_decoder = __commonJS({
    "node_modules/wav-decoder/index.js"(exports, module) {
      "use strict";
      var formats = {
        1: "lpcm",
        3: "lpcm"
      };
      function decodeSync(buffer, opts) {
        opts = opts || {};
        if (globalThis.Buffer && buffer instanceof globalThis.Buffer) {
          buffer = Uint8Array.from(buffer).buffer;
        }
        var dataView = new DataView(buffer);
        var reader = createReader(dataView);
        if (reader.string(4) !== "RIFF") {
          throw new TypeError("Invalid WAV file");
        }
        reader.uint32();
        if (reader.string(4) !== "WAVE") {
          throw new TypeError("Invalid WAV file");
        }
        var format = null;
        var audioData = null;
        do {
          var chunkType = reader.string(4);
          var chunkSize = reader.uint32();
          switch (chunkType) {
            case "fmt ":
              format = decodeFormat(reader, chunkSize);
              if (format instanceof Error) {
                throw format;
              }
              break;
            case "data":
              audioData = decodeData(reader, chunkSize, format, opts);
              if (audioData instanceof Error) {
                throw audioData;
              }
              break;
            default:
              reader.skip(chunkSize);
              break;
          }
        } while (audioData === null);
        return audioData;
      }
      function decode(buffer, opts) {
        return new Promise(function(resolve) {
          resolve(decodeSync(buffer, opts));
        });
      }
      function decodeFormat(reader, chunkSize) {
        var formatId = reader.uint16();
        if (!formats.hasOwnProperty(formatId)) {
          return new TypeError("Unsupported format in WAV file: 0x" + formatId.toString(16));
        }
        var format = {
          formatId,
          floatingPoint: formatId === 3,
          numberOfChannels: reader.uint16(),
          sampleRate: reader.uint32(),
          byteRate: reader.uint32(),
          blockSize: reader.uint16(),
          bitDepth: reader.uint16()
        };
        reader.skip(chunkSize - 16);
        return format;
      }
      function decodeData(reader, chunkSize, format, opts) {
        chunkSize = Math.min(chunkSize, reader.remain());
        var length = Math.floor(chunkSize / format.blockSize);
        var numberOfChannels = format.numberOfChannels;
        var sampleRate = format.sampleRate;
        var channelData = new Array(numberOfChannels);
        for (var ch = 0; ch < numberOfChannels; ch++) {
          channelData[ch] = new Float32Array(length);
        }
        var retVal = readPCM(reader, channelData, length, format, opts);
        if (retVal instanceof Error) {
          return retVal;
        }
        return {
          numberOfChannels,
          length,
          sampleRate,
          channelData
        };
      }
      function readPCM(reader, channelData, length, format, opts) {
        var bitDepth = format.bitDepth;
        var decoderOption = format.floatingPoint ? "f" : opts.symmetric ? "s" : "";
        var methodName = "pcm" + bitDepth + decoderOption;
        if (!reader[methodName]) {
          return new TypeError("Not supported bit depth: " + format.bitDepth);
        }
        var read = reader[methodName].bind(reader);
        var numberOfChannels = format.numberOfChannels;
        for (var i = 0; i < length; i++) {
          for (var ch = 0; ch < numberOfChannels; ch++) {
            channelData[ch][i] = read();
          }
        }
        return null;
      }
      function createReader(dataView) {
        var pos = 0;
        return {
          remain: function() {
            return dataView.byteLength - pos;
          },
          skip: function(n) {
            pos += n;
          },
          uint8: function() {
            var data = dataView.getUint8(pos, true);
            pos += 1;
            return data;
          },
          int16: function() {
            var data = dataView.getInt16(pos, true);
            pos += 2;
            return data;
          },
          uint16: function() {
            var data = dataView.getUint16(pos, true);
            pos += 2;
            return data;
          },
          uint32: function() {
            var data = dataView.getUint32(pos, true);
            pos += 4;
            return data;
          },
          string: function(n) {
            var data = "";
            for (var i = 0; i < n; i++) {
              data += String.fromCharCode(this.uint8());
            }
            return data;
          },
          pcm8: function() {
            var data = dataView.getUint8(pos) - 128;
            pos += 1;
            return data < 0 ? data / 128 : data / 127;
          },
          pcm8s: function() {
            var data = dataView.getUint8(pos) - 127.5;
            pos += 1;
            return data / 127.5;
          },
          pcm16: function() {
            var data = dataView.getInt16(pos, true);
            pos += 2;
            return data < 0 ? data / 32768 : data / 32767;
          },
          pcm16s: function() {
            var data = dataView.getInt16(pos, true);
            pos += 2;
            return data / 32768;
          },
          pcm24: function() {
            var x0 = dataView.getUint8(pos + 0);
            var x1 = dataView.getUint8(pos + 1);
            var x2 = dataView.getUint8(pos + 2);
            var xx = x0 + (x1 << 8) + (x2 << 16);
            var data = xx > 8388608 ? xx - 16777216 : xx;
            pos += 3;
            return data < 0 ? data / 8388608 : data / 8388607;
          },
          pcm24s: function() {
            var x0 = dataView.getUint8(pos + 0);
            var x1 = dataView.getUint8(pos + 1);
            var x2 = dataView.getUint8(pos + 2);
            var xx = x0 + (x1 << 8) + (x2 << 16);
            var data = xx > 8388608 ? xx - 16777216 : xx;
            pos += 3;
            return data / 8388608;
          },
          pcm32: function() {
            var data = dataView.getInt32(pos, true);
            pos += 4;
            return data < 0 ? data / 2147483648 : data / 2147483647;
          },
          pcm32s: function() {
            var data = dataView.getInt32(pos, true);
            pos += 4;
            return data / 2147483648;
          },
          pcm32f: function() {
            var data = dataView.getFloat32(pos, true);
            pos += 4;
            return data;
          },
          pcm64f: function() {
            var data = dataView.getFloat64(pos, true);
            pos += 8;
            return data;
          }
        };
      }
      module.exports.decode = decode;
      module.exports.decode.sync = decodeSync;
    }
  });

  // src/wav-decoder.js
  var require_wav_decoder2 = __commonJS({
    "src/wav-decoder.js"(exports, module) {
      var WavDecoder = require_wav_decoder();
      function sampleAt(i, period, ch) {
        const p = (i + ch * 7) % period;
        const half = period / 2;
        const x = p < half ? p / half : 2 - p / half;
        return 2 * x - 1;
      }
      function makeWav(samples, channels, sampleRate, bitDepth) {
        const bytesPerSample = bitDepth / 8;
        const blockAlign = channels * bytesPerSample;
        const dataSize = samples * blockAlign;
        const buf = new ArrayBuffer(44 + dataSize);
        const v = new DataView(buf);
        const ascii = (off2, s) => {
          for (let i = 0; i < s.length; i++) v.setUint8(off2 + i, s.charCodeAt(i));
        };
        ascii(0, "RIFF");
        v.setUint32(4, 36 + dataSize, true);
        ascii(8, "WAVE");
        ascii(12, "fmt ");
        v.setUint32(16, 16, true);
        v.setUint16(20, 1, true);
        v.setUint16(22, channels, true);
        v.setUint32(24, sampleRate, true);
        v.setUint32(28, sampleRate * blockAlign, true);
        v.setUint16(32, blockAlign, true);
        v.setUint16(34, bitDepth, true);
        ascii(36, "data");
        v.setUint32(40, dataSize, true);
        const periods = [100, 67];
        let off = 44;
        for (let i = 0; i < samples; i++) {
          for (let ch = 0; ch < channels; ch++) {
            const s = sampleAt(i, periods[ch % 2], ch) * 0.5;
            if (bitDepth === 8) v.setUint8(off, Math.round(s * 127) + 128);
            else if (bitDepth === 16) v.setInt16(off, Math.round(s * 32767), true);
            else if (bitDepth === 24) {
              const n = Math.round(s * 8388607);
              v.setUint8(off, n & 255);
              v.setUint8(off + 1, n >> 8 & 255);
              v.setInt8(off + 2, n >> 16);
            } else v.setInt32(off, Math.round(s * 2147483647), true);
            off += bytesPerSample;
          }
        }
        return buf;
      }
      async function main(params) {
        params = params || {};
        const samples = params.samples !== void 0 ? Math.max(1, Math.floor(Number(params.samples) || 1)) : 2048;
        const channels = Number(params.channels) === 1 ? 1 : 2;
        const sampleRate = params.sample_rate !== void 0 ? Math.floor(Number(params.sample_rate)) : 44100;
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
          first: audio.channelData.map((d) => Array.from(d.subarray(0, 4), (x) => Math.round(x * 1e6) / 1e6))
        };
      }
      module.exports = { main };
    }
  });
  return require_wav_decoder2();
})();
function main(params) { return __action.main(params); }
