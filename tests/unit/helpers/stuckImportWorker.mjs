// An import worker that misbehaves as a damaged file can make a parser misbehave, chosen by the
// file's name. When the bytes are shared memory, it counts in their first word while it runs, so
// a test can see whether the thread was really stopped.
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', ({ fileName, bytes }) => {
  const counter = bytes.buffer instanceof SharedArrayBuffer ? new Int32Array(bytes.buffer) : null;
  const tick = () => counter && Atomics.add(counter, 0, 1);
  const progress = (done) =>
    parentPort?.postMessage({ kind: 'progress', progress: { done, total: 10, unit: 'page' } });
  if (fileName.startsWith('loop')) {
    // A synchronous loop: this thread's own timers never fire again.
    for (;;) tick();
  } else if (fileName.startsWith('silent')) {
    // Waits for ever without blocking: only a watchdog outside notices.
    setInterval(tick, 10);
  } else if (fileName.startsWith('steady')) {
    // Slow but steady: a page every 100 ms, then a brief.
    let done = 0;
    const timer = setInterval(() => {
      tick();
      progress(++done);
      if (done === 10 && fileName.endsWith('-ends.pdf')) {
        clearInterval(timer);
        parentPort?.postMessage({ kind: 'done', document: { fileName } });
      }
    }, 100);
  }
});
