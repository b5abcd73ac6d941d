// TeeMate JS workload 'dynamic-html': built by faas/workloads/js/build.sh from src/dynamic-html.js (esbuild 0.28.2).
// OpenWhisk plain-code action: the runtime evaluates this file and calls the global main(params).
/*
 * Bundled npm packages and their license notices:
 *
 * mustache@4.2.0 (license: MIT; author: mustache.js Authors <http://github.com/janl/mustache.js>)
 *   The MIT License
 *
 *   Copyright (c) 2009 Chris Wanstrath (Ruby)
 *   Copyright (c) 2010-2014 Jan Lehnardt (JavaScript)
 *   Copyright (c) 2010-2015 The mustache.js community
 *
 *   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:
 *
 *   The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.
 *
 *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
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

  // node_modules/mustache/mustache.js
  var require_mustache = __commonJS({
    "node_modules/mustache/mustache.js"(exports, module) {
      (function(global, factory) {
        typeof exports === "object" && typeof module !== "undefined" ? module.exports = factory() : typeof define === "function" && define.amd ? define(factory) : (global = global || self, global.Mustache = factory());
      })(exports, (function() {
        "use strict";
        /*!
         * mustache.js - Logic-less {{mustache}} templates with JavaScript
         * http://github.com/janl/mustache.js
         */
        var objectToString = Object.prototype.toString;
        var isArray = Array.isArray || function isArrayPolyfill(object) {
          return objectToString.call(object) === "[object Array]";
        };
        function isFunction(object) {
          return typeof object === "function";
        }
        function typeStr(obj) {
          return isArray(obj) ? "array" : typeof obj;
        }
        function escapeRegExp(string) {
          return string.replace(/[\-\[\]{}()*+?.,\\\^$|#\s]/g, "\\$&");
        }
        function hasProperty(obj, propName) {
          return obj != null && typeof obj === "object" && propName in obj;
        }
        function primitiveHasOwnProperty(primitive, propName) {
          return primitive != null && typeof primitive !== "object" && primitive.hasOwnProperty && primitive.hasOwnProperty(propName);
        }
        var regExpTest = RegExp.prototype.test;
        function testRegExp(re, string) {
          return regExpTest.call(re, string);
        }
        var nonSpaceRe = /\S/;
        function isWhitespace(string) {
          return !testRegExp(nonSpaceRe, string);
        }
        var entityMap = {
          "&": "&amp;",
          "<": "&lt;",
          ">": "&gt;",
          '"': "&quot;",
          "'": "&#39;",
          "/": "&#x2F;",
          "`": "&#x60;",
          "=": "&#x3D;"
        };
        function escapeHtml(string) {
          return String(string).replace(/[&<>"'`=\/]/g, function fromEntityMap(s) {
            return entityMap[s];
          });
        }
        var whiteRe = /\s*/;
        var spaceRe = /\s+/;
        var equalsRe = /\s*=/;
        var curlyRe = /\s*\}/;
        var tagRe = /#|\^|\/|>|\{|&|=|!/;
        function parseTemplate(template, tags) {
          if (!template)
            return [];
          var lineHasNonSpace = false;
          var sections = [];
          var tokens = [];
          var spaces = [];
          var hasTag = false;
          var nonSpace = false;
          var indentation = "";
          var tagIndex = 0;
          function stripSpace() {
            if (hasTag && !nonSpace) {
              while (spaces.length)
                delete tokens[spaces.pop()];
            } else {
              spaces = [];
            }
            hasTag = false;
            nonSpace = false;
          }
          var openingTagRe, closingTagRe, closingCurlyRe;
          function compileTags(tagsToCompile) {
            if (typeof tagsToCompile === "string")
              tagsToCompile = tagsToCompile.split(spaceRe, 2);
            if (!isArray(tagsToCompile) || tagsToCompile.length !== 2)
              throw new Error("Invalid tags: " + tagsToCompile);
            openingTagRe = new RegExp(escapeRegExp(tagsToCompile[0]) + "\\s*");
            closingTagRe = new RegExp("\\s*" + escapeRegExp(tagsToCompile[1]));
            closingCurlyRe = new RegExp("\\s*" + escapeRegExp("}" + tagsToCompile[1]));
          }
          compileTags(tags || mustache.tags);
          var scanner = new Scanner(template);
          var start, type, value, chr, token, openSection;
          while (!scanner.eos()) {
            start = scanner.pos;
            value = scanner.scanUntil(openingTagRe);
            if (value) {
              for (var i = 0, valueLength = value.length; i < valueLength; ++i) {
                chr = value.charAt(i);
                if (isWhitespace(chr)) {
                  spaces.push(tokens.length);
                  indentation += chr;
                } else {
                  nonSpace = true;
                  lineHasNonSpace = true;
                  indentation += " ";
                }
                tokens.push(["text", chr, start, start + 1]);
                start += 1;
                if (chr === "\n") {
                  stripSpace();
                  indentation = "";
                  tagIndex = 0;
                  lineHasNonSpace = false;
                }
              }
            }
            if (!scanner.scan(openingTagRe))
              break;
            hasTag = true;
            type = scanner.scan(tagRe) || "name";
            scanner.scan(whiteRe);
            if (type === "=") {
              value = scanner.scanUntil(equalsRe);
              scanner.scan(equalsRe);
              scanner.scanUntil(closingTagRe);
            } else if (type === "{") {
              value = scanner.scanUntil(closingCurlyRe);
              scanner.scan(curlyRe);
              scanner.scanUntil(closingTagRe);
              type = "&";
            } else {
              value = scanner.scanUntil(closingTagRe);
            }
            if (!scanner.scan(closingTagRe))
              throw new Error("Unclosed tag at " + scanner.pos);
            if (type == ">") {
              token = [type, value, start, scanner.pos, indentation, tagIndex, lineHasNonSpace];
            } else {
              token = [type, value, start, scanner.pos];
            }
            tagIndex++;
            tokens.push(token);
            if (type === "#" || type === "^") {
              sections.push(token);
            } else if (type === "/") {
              openSection = sections.pop();
              if (!openSection)
                throw new Error('Unopened section "' + value + '" at ' + start);
              if (openSection[1] !== value)
                throw new Error('Unclosed section "' + openSection[1] + '" at ' + start);
            } else if (type === "name" || type === "{" || type === "&") {
              nonSpace = true;
            } else if (type === "=") {
              compileTags(value);
            }
          }
          stripSpace();
          openSection = sections.pop();
          if (openSection)
            throw new Error('Unclosed section "' + openSection[1] + '" at ' + scanner.pos);
          return nestTokens(squashTokens(tokens));
        }
        function squashTokens(tokens) {
          var squashedTokens = [];
          var token, lastToken;
          for (var i = 0, numTokens = tokens.length; i < numTokens; ++i) {
            token = tokens[i];
            if (token) {
              if (token[0] === "text" && lastToken && lastToken[0] === "text") {
                lastToken[1] += token[1];
                lastToken[3] = token[3];
              } else {
                squashedTokens.push(token);
                lastToken = token;
              }
            }
          }
          return squashedTokens;
        }
        function nestTokens(tokens) {
          var nestedTokens = [];
          var collector = nestedTokens;
          var sections = [];
          var token, section;
          for (var i = 0, numTokens = tokens.length; i < numTokens; ++i) {
            token = tokens[i];
            switch (token[0]) {
              case "#":
              case "^":
                collector.push(token);
                sections.push(token);
                collector = token[4] = [];
                break;
              case "/":
                section = sections.pop();
                section[5] = token[2];
                collector = sections.length > 0 ? sections[sections.length - 1][4] : nestedTokens;
                break;
              default:
                collector.push(token);
            }
          }
          return nestedTokens;
        }
        function Scanner(string) {
          this.string = string;
          this.tail = string;
          this.pos = 0;
        }
        Scanner.prototype.eos = function eos() {
          return this.tail === "";
        };
        Scanner.prototype.scan = function scan(re) {
          var match = this.tail.match(re);
          if (!match || match.index !== 0)
            return "";
          var string = match[0];
          this.tail = this.tail.substring(string.length);
          this.pos += string.length;
          return string;
        };
        Scanner.prototype.scanUntil = function scanUntil(re) {
          var index = this.tail.search(re), match;
          switch (index) {
            case -1:
              match = this.tail;
              this.tail = "";
              break;
            case 0:
              match = "";
              break;
            default:
              match = this.tail.substring(0, index);
              this.tail = this.tail.substring(index);
          }
          this.pos += match.length;
          return match;
        };
        function Context(view, parentContext) {
          this.view = view;
          this.cache = { ".": this.view };
          this.parent = parentContext;
        }
        Context.prototype.push = function push(view) {
          return new Context(view, this);
        };
        Context.prototype.lookup = function lookup(name) {
          var cache = this.cache;
          var value;
          if (cache.hasOwnProperty(name)) {
            value = cache[name];
          } else {
            var context = this, intermediateValue, names, index, lookupHit = false;
            while (context) {
              if (name.indexOf(".") > 0) {
                intermediateValue = context.view;
                names = name.split(".");
                index = 0;
                while (intermediateValue != null && index < names.length) {
                  if (index === names.length - 1)
                    lookupHit = hasProperty(intermediateValue, names[index]) || primitiveHasOwnProperty(intermediateValue, names[index]);
                  intermediateValue = intermediateValue[names[index++]];
                }
              } else {
                intermediateValue = context.view[name];
                lookupHit = hasProperty(context.view, name);
              }
              if (lookupHit) {
                value = intermediateValue;
                break;
              }
              context = context.parent;
            }
            cache[name] = value;
          }
          if (isFunction(value))
            value = value.call(this.view);
          return value;
        };
        function Writer() {
          this.templateCache = {
            _cache: {},
            set: function set(key, value) {
              this._cache[key] = value;
            },
            get: function get(key) {
              return this._cache[key];
            },
            clear: function clear() {
              this._cache = {};
            }
          };
        }
        Writer.prototype.clearCache = function clearCache() {
          if (typeof this.templateCache !== "undefined") {
            this.templateCache.clear();
          }
        };
        Writer.prototype.parse = function parse(template, tags) {
          var cache = this.templateCache;
          var cacheKey = template + ":" + (tags || mustache.tags).join(":");
          var isCacheEnabled = typeof cache !== "undefined";
          var tokens = isCacheEnabled ? cache.get(cacheKey) : void 0;
          if (tokens == void 0) {
            tokens = parseTemplate(template, tags);
            isCacheEnabled && cache.set(cacheKey, tokens);
          }
          return tokens;
        };
        Writer.prototype.render = function render(template, view, partials, config) {
          var tags = this.getConfigTags(config);
          var tokens = this.parse(template, tags);
          var context = view instanceof Context ? view : new Context(view, void 0);
          return this.renderTokens(tokens, context, partials, template, config);
        };
        Writer.prototype.renderTokens = function renderTokens(tokens, context, partials, originalTemplate, config) {
          var buffer = "";
          var token, symbol, value;
          for (var i = 0, numTokens = tokens.length; i < numTokens; ++i) {
            value = void 0;
            token = tokens[i];
            symbol = token[0];
            if (symbol === "#") value = this.renderSection(token, context, partials, originalTemplate, config);
            else if (symbol === "^") value = this.renderInverted(token, context, partials, originalTemplate, config);
            else if (symbol === ">") value = this.renderPartial(token, context, partials, config);
            else if (symbol === "&") value = this.unescapedValue(token, context);
            else if (symbol === "name") value = this.escapedValue(token, context, config);
            else if (symbol === "text") value = this.rawValue(token);
            if (value !== void 0)
              buffer += value;
          }
          return buffer;
        };
        Writer.prototype.renderSection = function renderSection(token, context, partials, originalTemplate, config) {
          var self2 = this;
          var buffer = "";
          var value = context.lookup(token[1]);
          function subRender(template) {
            return self2.render(template, context, partials, config);
          }
          if (!value) return;
          if (isArray(value)) {
            for (var j = 0, valueLength = value.length; j < valueLength; ++j) {
              buffer += this.renderTokens(token[4], context.push(value[j]), partials, originalTemplate, config);
            }
          } else if (typeof value === "object" || typeof value === "string" || typeof value === "number") {
            buffer += this.renderTokens(token[4], context.push(value), partials, originalTemplate, config);
          } else if (isFunction(value)) {
            if (typeof originalTemplate !== "string")
              throw new Error("Cannot use higher-order sections without the original template");
            value = value.call(context.view, originalTemplate.slice(token[3], token[5]), subRender);
            if (value != null)
              buffer += value;
          } else {
            buffer += this.renderTokens(token[4], context, partials, originalTemplate, config);
          }
          return buffer;
        };
        Writer.prototype.renderInverted = function renderInverted(token, context, partials, originalTemplate, config) {
          var value = context.lookup(token[1]);
          if (!value || isArray(value) && value.length === 0)
            return this.renderTokens(token[4], context, partials, originalTemplate, config);
        };
        Writer.prototype.indentPartial = function indentPartial(partial, indentation, lineHasNonSpace) {
          var filteredIndentation = indentation.replace(/[^ \t]/g, "");
          var partialByNl = partial.split("\n");
          for (var i = 0; i < partialByNl.length; i++) {
            if (partialByNl[i].length && (i > 0 || !lineHasNonSpace)) {
              partialByNl[i] = filteredIndentation + partialByNl[i];
            }
          }
          return partialByNl.join("\n");
        };
        Writer.prototype.renderPartial = function renderPartial(token, context, partials, config) {
          if (!partials) return;
          var tags = this.getConfigTags(config);
          var value = isFunction(partials) ? partials(token[1]) : partials[token[1]];
          if (value != null) {
            var lineHasNonSpace = token[6];
            var tagIndex = token[5];
            var indentation = token[4];
            var indentedValue = value;
            if (tagIndex == 0 && indentation) {
              indentedValue = this.indentPartial(value, indentation, lineHasNonSpace);
            }
            var tokens = this.parse(indentedValue, tags);
            return this.renderTokens(tokens, context, partials, indentedValue, config);
          }
        };
        Writer.prototype.unescapedValue = function unescapedValue(token, context) {
          var value = context.lookup(token[1]);
          if (value != null)
            return value;
        };
        Writer.prototype.escapedValue = function escapedValue(token, context, config) {
          var escape = this.getConfigEscape(config) || mustache.escape;
          var value = context.lookup(token[1]);
          if (value != null)
            return typeof value === "number" && escape === mustache.escape ? String(value) : escape(value);
        };
        Writer.prototype.rawValue = function rawValue(token) {
          return token[1];
        };
        Writer.prototype.getConfigTags = function getConfigTags(config) {
          if (isArray(config)) {
            return config;
          } else if (config && typeof config === "object") {
            return config.tags;
          } else {
            return void 0;
          }
        };
        Writer.prototype.getConfigEscape = function getConfigEscape(config) {
          if (config && typeof config === "object" && !isArray(config)) {
            return config.escape;
          } else {
            return void 0;
          }
        };
        var mustache = {
          name: "mustache.js",
          version: "4.2.0",
          tags: ["{{", "}}"],
          clearCache: void 0,
          escape: void 0,
          parse: void 0,
          render: void 0,
          Scanner: void 0,
          Context: void 0,
          Writer: void 0,
          /**
           * Allows a user to override the default caching strategy, by providing an
           * object with set, get and clear methods. This can also be used to disable
           * the cache by setting it to the literal `undefined`.
           */
          set templateCache(cache) {
            defaultWriter.templateCache = cache;
          },
          /**
           * Gets the default or overridden caching object from the default writer.
           */
          get templateCache() {
            return defaultWriter.templateCache;
          }
        };
        var defaultWriter = new Writer();
        mustache.clearCache = function clearCache() {
          return defaultWriter.clearCache();
        };
        mustache.parse = function parse(template, tags) {
          return defaultWriter.parse(template, tags);
        };
        mustache.render = function render(template, view, partials, config) {
          if (typeof template !== "string") {
            throw new TypeError('Invalid template! Template should be a "string" but "' + typeStr(template) + '" was given as the first argument for mustache#render(template, view, partials)');
          }
          return defaultWriter.render(template, view, partials, config);
        };
        mustache.escape = escapeHtml;
        mustache.Scanner = Scanner;
        mustache.Context = Context;
        mustache.Writer = Writer;
        return mustache;
      }));
    }
  });

  // src/dynamic-html.js
  var require_dynamic_html = __commonJS({
    "src/dynamic-html.js"(exports, module) {
      var Mustache = require_mustache();
      var TEMPLATE = '<!DOCTYPE html>\n<html>\n  <head>\n    <title>Randomly generated data.</title>\n    <meta name="viewport" content="width=device-width, initial-scale=1">\n    <style type="text/css">\n      .container { max-width: 500px; padding-top: 100px; }\n    </style>\n  </head>\n  <body>\n    <div class="container">\n      <p>Welcome {{username}}!</p>\n      <p>Data generated at: {{cur_time}}!</p>\n      <p>Requested random numbers ({{count}}):</p>\n      <ul>\n{{#random_numbers}}        <li>{{.}}</li>\n{{/random_numbers}}      </ul>\n    </div>\n  </body>\n</html>\n';
      var MASK64 = (1n << 64n) - 1n;
      function randomNumbers(count, seed) {
        let state = BigInt(seed) & MASK64;
        const out = new Array(count);
        for (let k = 0; k < count; k++) {
          state = state + 0x9e3779b97f4a7c15n & MASK64;
          let z = state;
          z = (z ^ z >> 30n) * 0xbf58476d1ce4e5b9n & MASK64;
          z = (z ^ z >> 27n) * 0x94d049bb133111ebn & MASK64;
          z = z ^ z >> 31n;
          out[k] = Number(z % 1000000n);
        }
        return out;
      }
      function main(params) {
        params = params || {};
        const lenParam = params.random_len !== void 0 ? params.random_len : params.count;
        const count = lenParam !== void 0 ? Math.max(0, Math.floor(Number(lenParam) || 0)) : 100;
        const seed = params.seed !== void 0 ? Math.max(0, Math.floor(Number(params.seed) || 0)) : 42;
        const input = {
          username: typeof params.username === "string" ? params.username : "anonymous",
          cur_time: typeof params.time === "string" ? params.time : "1970-01-01T00:00:00Z",
          count,
          random_numbers: randomNumbers(count, seed)
        };
        return { html: Mustache.render(TEMPLATE, input) };
      }
      module.exports = { main };
    }
  });
  return require_dynamic_html();
})();
function main(params) { return __action.main(params); }
