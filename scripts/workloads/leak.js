// leak.js - a slow leak.
// Every simulated request allocates some garbage (Scavenges), keeps its
// response in a bounded ring of recent responses (promoted garbage: natural
// full GCs) and - the bug - also remembers a little about the request in a
// global array forever, so the live set (heap used after full GCs) keeps
// growing for the whole run.
// If run with --expose-gc, global.gc() is also called every `gcEvery`
// requests to guarantee enough full GCs; otherwise only natural GCs happen.
// Plain ES5 so it also runs on Node 4.
// Usage: node [--expose-gc] leak.js [requests] [gcEvery]
'use strict';
var requests = parseInt(process.argv[2] || '800000', 10);
var gcEvery = parseInt(process.argv[3] || '80000', 10);

var seed = 4242;
function rnd() {
  // xorshift32 (32-bit integer ops only, deterministic)
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}

var sessions = []; // never cleared: the leak
global.sessions = sessions;
var RING = 20000;  // recent responses (healthy, bounded): promoted garbage
var ring = new Array(RING);

function handle(id) {
  var body = [];
  for (var i = 0; i < 10; i++) body.push({ k: 'field' + i, v: rnd() * 1000 });
  var text = JSON.stringify(body);
  ring[id % RING] = text;
  // the bug: keep a per-request record forever
  sessions.push({ id: id, user: 'user-' + (id % 9973), at: id * 7 });
  return text.length;
}

var total = 0;
for (var r = 0; r < requests; r++) {
  total += handle(r);
  if (typeof global.gc === 'function' && gcEvery > 0 && r > 0 && r % gcEvery === 0) global.gc();
}
console.log('leak done: ' + requests + ' requests, retained ' + sessions.length + ' records, ' + total);
