// cache.js - a bounded cache (NOT a leak).
// Requests look up keys in an LRU-ish Map capped at `cap` entries (the least
// recently used 10% are evicted in one batch when the cap is exceeded). While the
// cache fills, the live set grows; once it reaches the cap, old entries are
// evicted and the live set stays flat while the request churn continues.
// ES5 syntax plus Map (available since Node 0.12/4).
// Usage: node cache.js [requests] [cap]
'use strict';
var requests = parseInt(process.argv[2] || '3000000', 10);
var cap = parseInt(process.argv[3] || '100000', 10);

var seed = 777;
function rnd() {
  // xorshift32 (32-bit integer ops only, deterministic)
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}

var cache = new Map();
global.appCache = cache; // reachable until exit, like a real service's cache
var hits = 0, misses = 0;

function get(key) {
  var v = cache.get(key);
  if (v !== undefined) {
    // refresh LRU position
    cache['delete'](key);
    cache.set(key, v);
    hits++;
    return v;
  }
  misses++;
  v = { key: key, payload: 'value-for-' + key + '-' + Math.floor(rnd() * 1e6) + new Array(9).join('-' + key), parts: [key, key * 2, key * 3] };
  cache.set(key, v);
  if (cache.size > cap) {
    // evict the least recently used 10% in one pass (Map iterates in
    // insertion order; hits are re-inserted at the end)
    var it = cache.keys();
    var target = Math.floor(cap * 0.9);
    while (cache.size > target) cache['delete'](it.next().value);
  }
  return v;
}

var sum = 0;
for (var r = 0; r < requests; r++) {
  // the key space grows slowly (cache fills over the first ~cap*8 requests),
  // then stays at cap*4 keys: a steady mix of hits and misses/evictions
  var key = Math.floor(rnd() * Math.min(cap * 4, 1 + Math.floor(r / 8)));
  var v = get(key);
  var tmp = JSON.stringify({ req: r, v: v.payload, extra: [r, r + 1, r + 2] });
  sum = (sum + tmp.length) % 1000000007;
}
console.log('cache done: ' + requests + ' requests, size ' + cache.size + ', hits ' + hits +
            ', misses ' + misses + ', ' + sum);
