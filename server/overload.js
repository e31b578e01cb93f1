// Overload is answered, not queued (issue #17 item 5). At most MAX_ACTIVE app requests
// run at once in a worker and at most MAX_QUEUED wait for a turn; a request past that,
// or one that waited longer than MAX_WAIT_MS, gets 503 with Retry-After at once instead
// of joining a queue that would only time out later. Static files skip the gate.
const MAX_ACTIVE = Number(process.env.MAX_ACTIVE_REQUESTS ?? 16);
const MAX_QUEUED = Number(process.env.MAX_QUEUED_REQUESTS ?? 64);
const MAX_WAIT_MS = Number(process.env.MAX_QUEUE_WAIT_MS ?? 2_000);
const RETRY_AFTER_SECONDS = "2";

let active = 0;
/** @type {Array<{ start: () => void; timer: NodeJS.Timeout }>} */
const queue = [];

function refuse(res) {
  if (res.headersSent) return;
  res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
  res.setHeader("Cache-Control", "no-store");
  res.status(503).type("text/plain; charset=utf-8").send("服务器繁忙，请稍后再试。");
}

function release() {
  active -= 1;
  const next = queue.shift();
  if (next) {
    clearTimeout(next.timer);
    next.start();
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
    res.on("finish", done);
    res.on("close", done);
    next();
  };
  if (active < MAX_ACTIVE) return start();
  if (queue.length >= MAX_QUEUED) return refuse(res);
  const waiting = {
    start,
    timer: setTimeout(() => {
      const index = queue.indexOf(waiting);
      if (index >= 0) queue.splice(index, 1);
      refuse(res);
    }, MAX_WAIT_MS),
  };
  queue.push(waiting);
  // A client that gives up while waiting leaves the queue.
  req.on("close", () => {
    const index = queue.indexOf(waiting);
    if (index < 0) return;
    queue.splice(index, 1);
    clearTimeout(waiting.timer);
  });
}
