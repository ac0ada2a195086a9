// churn.js - a busy but healthy service.
// Each "request" allocates short-lived objects, strings and arrays (lots of
// Scavenges); a fixed-size ring of recent results is kept so that some data
// survives long enough to be promoted and later dies in old space (a few full
// GCs), while the live set stays stable.
// Plain ES5 so it also runs on Node 4.
// Usage: node churn.js [requests] [heavy]
//   requests: number of simulated requests (default 60000)
//   heavy:    if given ("heavy"), each request allocates ~8x more.
'use strict';
var requests = parseInt(process.argv[2] || '60000', 10);
var heavy = process.argv[3] === 'heavy';
var perRequest = heavy ? 8 : 1;
var RING = 4000;

var seed = 12345;
function rnd() { // deterministic PRNG
  // xorshift32 (32-bit integer ops only, deterministic)
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}

var ring = new Array(RING);
var ringPos = 0;
var checksum = 0;

function handle(id) {
  var parts = [];
  for (var i = 0; i < 20 * perRequest; i++) {
    parts.push({ id: id, i: i, name: 'item-' + id + '-' + i, score: rnd() });
  }
  var text = JSON.stringify(parts);
  var parsed = JSON.parse(text);
  var tmp = new Array(50);
  for (var j = 0; j < tmp.length; j++) tmp[j] = parsed[j % parsed.length].name.toUpperCase();
  checksum = (checksum + text.length + tmp.join(',').length) % 1000000007;
  // keep a small summary of recent requests (stable live set)
  ring[ringPos] = { id: id, len: text.length, head: tmp.slice(0, 4), body: text };
  ringPos = (ringPos + 1) % RING;
}

var start = Date.now();
for (var r = 0; r < requests; r++) handle(r);
console.log('churn done: ' + requests + ' requests, checksum ' + checksum +
            ', ' + (Date.now() - start) + ' ms');
