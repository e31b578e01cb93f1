// Overload is answered, not queued (issue #17 item 5). At most MAX_ACTIVE app requests
// run at once in a worker and at most MAX_QUEUED wait for a turn; a request past that,
// or one that waited longer than MAX_WAIT_MS, gets 503 with Retry-After at once instead
// of joining a queue that would only time out later. Static files skip the gate.
const MAX_ACTIVE = Number(process.env.MAX_ACTIVE_REQUESTS ?? 16);
const MAX_QUEUED = Number(process.env.MAX_QUEUED_REQUESTS ?? 64);
const MAX_WAIT_MS = Number(process.env.MAX_QUEUE_WAIT_MS ?? 2_000);
const RETRY_AFTER_SECONDS = "2";

let active = 0;
/** @type {Array<{ res: import('express').Response; start: () => void; timer: NodeJS.Timeout }>} */
const queue = [];

function refuse(res) {
  if (res.headersSent) return;
  res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
  res.setHeader("Cache-Control", "no-store");
  res.status(503).type("text/plain; charset=utf-8").send("服务器繁忙，请稍后再试。");
}

/** A request whose client has gone: nothing to run or answer. */
function gone(res) {
  return res.destroyed || res.writableEnded || Boolean(res.socket?.destroyed);
}

function release() {
  active -= 1;
  for (let next = queue.shift(); next; next = queue.shift()) {
    clearTimeout(next.timer);
    if (!gone(next.res)) return next.start();
  }
}

/** Express middleware: runs the rest of the chain when a slot is free. */
export function overloadGate(req, res, next) {
  const start = () => {
    active += 1;
    let released = false;
    const done = () => {
      if (released) return;
      released = true;
      release();
    };
    res.once("finish", done);
    res.once("close", done);
    // The client may have left while it waited: its "close" has fired already.
    if (gone(res)) return done();
    next();
  };
  if (active < MAX_ACTIVE) return start();
  if (queue.length >= MAX_QUEUED) return refuse(res);
  const waiting = {
    res,
    start,
    timer: setTimeout(() => {
      const index = queue.indexOf(waiting);
      if (index >= 0) queue.splice(index, 1);
      refuse(res);
    }, MAX_WAIT_MS),
  };
  queue.push(waiting);
  // A client that gives up while waiting leaves the queue (the response's "close": the
  // request's own fires as soon as its body is read).
  res.once("close", () => {
    const index = queue.indexOf(waiting);
    if (index < 0) return;
    queue.splice(index, 1);
    clearTimeout(waiting.timer);
  });
}
