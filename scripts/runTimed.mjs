// Runs a child process with a hard time limit, capturing its output, and kills its whole process
// tree on timeout or when `npm start` itself is interrupted.
import { spawn } from 'node:child_process';

const running = new Set();

function killTree(child, signal) {
  try {
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// Children run in their own process group, so Ctrl-C must be passed on by hand.
function onInterrupt() {
  for (const child of running) killTree(child, 'SIGKILL');
  process.exit(130);
}

function track(child) {
  if (running.size === 0) {
    process.on('SIGINT', onInterrupt);
    process.on('SIGTERM', onInterrupt);
  }
  running.add(child);
}

function untrack(child) {
  running.delete(child);
  if (running.size === 0) {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}

/**
 * Runs `command args` and resolves (never rejects) with { code, output, timedOut }.
 * `output` is stdout and stderr interleaved, capped at the last 64 kB.
 */
export function runTimed(command, args, { cwd, env = process.env, timeoutMs }) {
  return new Promise((resolvePromise) => {
    let output = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(command, args, {
        cwd,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: process.platform !== 'win32',
        windowsHide: true,
      });
    } catch (error) {
      resolvePromise({ code: -1, output: String(error), timedOut: false });
      return;
    }
    track(child);
    const append = (chunk) => {
      output = (output + chunk.toString()).slice(-65536);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => append(`\n${error.message}`));
    child.on('close', (code) => {
      clearTimeout(timer);
      untrack(child);
      resolvePromise({ code: code ?? -1, output, timedOut });
    });
  });
}

const NETWORK_FAILURE =
  /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|network|certificate|self[- ]signed|407|403 Forbidden|404 Not Found|status code 40|timed? ?out/i;

/** True when a failed run's output looks like a download that could not reach its server. */
export function looksLikeNetworkFailure(result) {
  return result.timedOut || NETWORK_FAILURE.test(result.output);
}
