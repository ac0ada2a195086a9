// workers.js - main thread plus 2 worker_threads churning concurrently, so
// GC records of several isolates of one process interleave.
// Needs worker_threads (Node >= 12 without flags); on older Node it prints a
// note and exits 0. Plain ES5 syntax.
// Usage: node workers.js [requests-per-thread]
'use strict';
var wt = null;
try { wt = require('worker_threads'); } catch (e) { wt = null; }
if (!wt) {
  console.log('workers.js: worker_threads not available on Node ' + process.version + ', skipping');
  process.exit(0);
}

var requests = parseInt((wt.isMainThread ? process.argv[2] : wt.workerData.requests) || '30000', 10);
var name = wt.isMainThread ? 'main' : ('worker' + wt.workerData.n);
var seed = wt.isMainThread ? 1 : 100 + wt.workerData.n;
function rnd() {
  // xorshift32 (32-bit integer ops only, deterministic)
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}

function churn(n) {
  var ring = new Array(4000);
  var checksum = 0;
  for (var r = 0; r < n; r++) {
    var parts = [];
    for (var i = 0; i < 20; i++) parts.push({ id: r, i: i, name: name + '-' + r + '-' + i, v: rnd() });
    var text = JSON.stringify(parts);
    var back = JSON.parse(text);
    checksum = (checksum + text.length + back.length) % 1000000007;
    ring[r % ring.length] = { r: r, len: text.length, first: back[0].name, body: text };
  }
  return checksum;
}

if (wt.isMainThread) {
  var done = 0;
  var results = [];
  for (var k = 1; k <= 2; k++) {
    var w = new wt.Worker(__filename, { workerData: { n: k, requests: requests } });
    w.on('message', function (m) { results.push(m); });
    w.on('exit', function () {
      done++;
      if (done === 2) console.log('workers done: ' + results.sort().join(', '));
    });
  }
  var c = churn(requests);
  console.log('main done: ' + c);
} else {
  var c2 = churn(requests);
  wt.parentPort.postMessage(name + '=' + c2);
}
