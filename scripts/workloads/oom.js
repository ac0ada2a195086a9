// oom.js - a leak that runs out of memory.
// Meant to be run with a small --max-old-space-size (e.g. 32): every request
// allocates garbage and retains a record in a global array until V8 gives up
// with "FATAL ERROR: ... JavaScript heap out of memory".
// Plain ES5 so it also runs on Node 4.
// Usage: node --max-old-space-size=32 oom.js
'use strict';
var seed = 99;
function rnd() {
  // xorshift32 (32-bit integer ops only, deterministic)
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}
var retained = [];
var i = 0;
// bounded so that a too-large heap limit does not run forever
for (i = 0; i < 50000000; i++) {
  var garbage = [];
  for (var j = 0; j < 5; j++) garbage.push('g' + j + ':' + rnd());
  retained.push({ id: i, s: 'record-' + i + '-' + garbage.join('|').length, n: [i, i + 1] });
}
console.log('oom.js finished without OOM after ' + i + ' records');
