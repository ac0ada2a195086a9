// service.js - a request-handling service that waits between bursts of requests, as real servers
// wait on the network (the other workloads run flat out, which keeps GC above 10% of the time
// however healthy they are). Every 10 ms a burst of requests is handled; each request allocates
// short-lived objects (Scavenges) and its response is kept in a bounded ring of recent responses
// (promoted, then dies in old space: natural full GCs). Three flavours:
//   healthy  the above only: a stable live set, low GC overhead (neither a leak nor GC pressure)
//   leak     the handler also remembers every request in a global array (a leak whose full GCs
//            all come naturally, no global.gc())
//   cache    the handler fills a Map capped at `cap` entries (least recently used evicted): the
//            live set grows until the cap, then stays flat (not a leak)
// Plain ES5 plus Map.
// Usage: node service.js [healthy|leak|cache] [seconds] [requests-per-burst] [cap]
'use strict';
var mode = process.argv[2] || 'healthy';
var seconds = parseFloat(process.argv[3] || '15');
var perBurst = parseInt(process.argv[4] || '200', 10);
var cap = parseInt(process.argv[5] || '80000', 10);
var BURST_EVERY_MS = 10;
var RING = 5000;

var seed = 2024;
function rnd() {
  // xorshift32 (32-bit integer ops only, deterministic)
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}

var ring = new Array(RING);
var ringPos = 0;
var sessions = [];          // leak: never cleared
global.sessions = sessions;
var cache = new Map();      // cache: bounded
global.appCache = cache;
var checksum = 0;

function handle(id) {
  var parts = [];
  for (var i = 0; i < 20; i++) parts.push({ id: id, i: i, name: 'item-' + id + '-' + i, score: rnd() });
  var text = JSON.stringify(parts);
  var parsed = JSON.parse(text);
  checksum = (checksum + text.length + parsed.length) % 1000000007;
  ring[ringPos] = { id: id, len: text.length, body: text };
  ringPos = (ringPos + 1) % RING;
  if (mode === 'leak') {
    // the bug: a per-request record kept forever
    sessions.push({ id: id, user: 'user-' + (id % 9973), at: Date.now(), path: '/api/item/' + id });
  } else if (mode === 'cache') {
    cache.set(id, { key: id, value: 'cached-' + id + '-' + parsed[0].name, at: id });
    if (cache.size > cap) cache['delete'](cache.keys().next().value);
  }
}

var start = Date.now();
var next = 0;
var bursts = 0;
function burst() {
  for (var k = 0; k < perBurst; k++) handle(next++);
  bursts++;
  if (Date.now() - start < seconds * 1000) {
    setTimeout(burst, BURST_EVERY_MS);
  } else {
    console.log('service ' + mode + ' done: ' + next + ' requests in ' + bursts + ' bursts, ' +
                sessions.length + ' sessions, cache ' + cache.size + ', checksum ' + checksum);
  }
}
burst();
