import type { IndexProgress } from '../indexers/index.js';

interface Line {
  pages: number;
  rows: number;
  done: boolean;
  started: number;
  retries: number;
}

/**
 * Progress of an index run on stderr: on a terminal, one live line per (source, entity) with pages,
 * rows and rows/s, redrawn in place at most ten times a second; elsewhere (CI, pipes), a line when
 * an entity finishes and a heartbeat every 10 s, so logs stay short.
 */
export function indexProgressPrinter(stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): (event: IndexProgress) => void {
  const lines = new Map<string, Line>();
  const live = stream.isTTY === true;
  let drawn = 0;
  let lastDraw = 0;
  let lastHeartbeat = now();

  const format = (key: string, line: Line): string => {
    const seconds = Math.max((now() - line.started) / 1000, 0.001);
    const rate = Math.round(line.rows / seconds).toLocaleString('en-US');
    const retries = line.retries > 0 ? `, ${line.retries} retries` : '';
    return `  ${key.padEnd(36)} ${String(line.pages).padStart(6)} pages ${line.rows.toLocaleString('en-US').padStart(11)} rows ${rate.padStart(9)} rows/s${retries}${line.done ? '  done' : ''}`;
  };
  const redraw = (force: boolean): void => {
    if (!force && now() - lastDraw < 100) return;
    lastDraw = now();
    if (drawn > 0) stream.write(`\x1b[${drawn}A`);
    for (const [key, line] of lines) stream.write(`\x1b[2K${format(key, line)}\n`);
    drawn = lines.size;
  };

  return (event) => {
    switch (event.type) {
      case 'plan':
        stream.write(`index run ${event.run}${event.resumed ? ' (resumed)' : ''} at ${Object.entries(event.blocks).map(([s, b]) => `${s} block ${b}`).join(', ')}\n`);
        return;
      case 'retry': {
        const line = lines.get(`${event.source}/${event.entity}`);
        if (line) line.retries++;
        if (!live) stream.write(`  ${event.source}/${event.entity}: ${event.kind}, retry ${event.retry} in ${Math.round(event.delayMs)} ms\n`);
        return;
      }
      case 'page': {
        const key = `${event.source}/${event.entity}`;
        const line = lines.get(key) ?? { pages: 0, rows: 0, done: false, started: now(), retries: 0 };
        Object.assign(line, { pages: event.pages, rows: event.rows, done: event.done });
        lines.set(key, line);
        if (live) redraw(event.done);
        else if (event.done) stream.write(`${format(key, line)}\n`);
        else if (now() - lastHeartbeat > 10_000) {
          lastHeartbeat = now();
          stream.write(`${format(key, line)}\n`);
        }
        return;
      }
      case 'publish':
        if (live) redraw(true);
        stream.write(`publishing one snapshot from ${event.sources} source(s)…\n`);
    }
  };
}
