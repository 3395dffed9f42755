/**
 * Forwarding the audit trail to the tools security teams run: an
 * OpenTelemetry collector (OTLP/HTTP JSON logs) and syslog (RFC 5424 over
 * TCP). The audit store is the queue: each sink has a cursor in the store
 * (`ship_cursor`), moved only after a batch was accepted, so a receiver that
 * is down loses nothing — events wait in the store, the forwarder retries with
 * a growing pause (capped), and delivers them in order once it is back. Memory
 * stays bounded: one batch at a time. Delivery is at least once: a batch
 * whose acknowledgement was lost is sent again (events carry their id and
 * hash, so a receiver can drop repeats).
 *
 * @module
 */

import type { AuditEvent, AuditStore } from "../audit/store.ts";
import { otlpLogsRequest } from "./otlp.ts";
import { octetFrame, syslogMessage, type SyslogOptions } from "./syslog.ts";

/** Where events go. `send` resolves once the receiver accepted the whole batch, and throws otherwise. */
export interface Sink {
  /** Stable name; also the key of its cursor in the store. */
  readonly name: string;
  send(events: readonly AuditEvent[]): Promise<void>;
  close(): void;
}

/** OTLP/HTTP JSON logs to `<url>` (a full URL such as `http://collector:4318/v1/logs`). */
export class OtlpHttpSink implements Sink {
  /** The cursor name. */
  readonly name: string;
  /** Build for a collector URL; `headers` are added to every request (e.g. an API key). */
  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string> = {},
    private readonly timeoutMs = 10_000,
  ) {
    this.name = `otlp:${url}`;
  }

  /** POST one `ExportLogsServiceRequest`; any answer but 2xx is a failure. */
  async send(events: readonly AuditEvent[]): Promise<void> {
    const res = await fetch(this.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...this.headers },
      body: JSON.stringify(otlpLogsRequest(events)),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    if (res.status < 200 || res.status >= 300) {
      throw new Error(
        `OTLP collector answered HTTP ${res.status}: ${text.slice(0, 200)}`,
      );
    }
  }

  /** Nothing to release (each batch is one request). */
  close(): void {}
}

/** RFC 5424 messages over one TCP connection (octet-counting frames), reconnecting after a failure. */
export class SyslogTcpSink implements Sink {
  /** The cursor name. */
  readonly name: string;
  private conn?: Deno.TcpConn;

  /** Build for a syslog receiver's host and TCP port. */
  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly opts: SyslogOptions = {},
  ) {
    this.name = `syslog:tcp://${host}:${port}`;
  }

  /** Write every message of the batch; a broken connection fails the batch (and is reopened next time). */
  async send(events: readonly AuditEvent[]): Promise<void> {
    try {
      this.conn ??= await Deno.connect({
        hostname: this.host,
        port: this.port,
      });
      for (const e of events) {
        const frame = octetFrame(syslogMessage(e, this.opts));
        let off = 0;
        while (off < frame.length) {
          off += await this.conn.write(frame.subarray(off));
        }
      }
    } catch (err) {
      this.close();
      throw err;
    }
  }

  /** Drop the connection. */
  close(): void {
    try {
      this.conn?.close();
    } catch {
      // already closed
    }
    this.conn = undefined;
  }
}

/** A sink from a URL: `http(s)://…` (OTLP/HTTP JSON) or `syslog+tcp://host:port` / `tcp://host:port`. */
export function sinkFromUrl(url: string, opts: SyslogOptions = {}): Sink {
  const u = new URL(url);
  if (u.protocol === "http:" || u.protocol === "https:") {
    return new OtlpHttpSink(url);
  }
  if (u.protocol === "syslog+tcp:" || u.protocol === "tcp:") {
    const port = Number(u.port || 6514);
    return new SyslogTcpSink(u.hostname.replace(/^\[|\]$/g, ""), port, opts);
  }
  throw new Error(
    `unsupported forwarding target ${url}: use http(s)://collector:4318/v1/logs or syslog+tcp://host:port`,
  );
}

/** Tuning of a {@link Forwarder}. */
export interface ForwarderOptions {
  /** Events per batch (default 200). */
  batch?: number;
  /** Pause between polls when caught up, ms (default 1000). */
  pollMs?: number;
  /** First pause after a failure, ms (default 500); doubles up to `maxBackoffMs`. */
  minBackoffMs?: number;
  /** Longest pause after failures, ms (default 30000). */
  maxBackoffMs?: number;
}

/** What a forwarder has done so far. */
export interface ForwarderStatus {
  sink: string;
  delivered: number;
  cursor: number;
  failures: number;
  lastError?: string;
}

/** Ships the store's events to one sink, in order, from its cursor on. */
export class Forwarder {
  private delivered = 0;
  private failures = 0;
  private lastError?: string;
  private stopped = true;
  private timer?: ReturnType<typeof setTimeout>;
  private wake?: () => void;
  private loop?: Promise<void>;

  /** `store` is called for every batch (the caller keeps it open). */
  constructor(
    private readonly store: () => AuditStore,
    readonly sink: Sink,
    private readonly opts: ForwarderOptions = {},
  ) {}

  /** Send everything pending now, batch by batch. Resolves with how many events went out; throws on the first failure (what went out stays delivered). */
  async drain(): Promise<number> {
    const batch = this.opts.batch ?? 200;
    let sent = 0;
    for (;;) {
      const store = this.store();
      const cursor = store.shipCursor(this.sink.name);
      const events = store.eventsAfter(cursor, batch);
      if (events.length === 0) return sent;
      await this.sink.send(events);
      this.store().setShipCursor(this.sink.name, events[events.length - 1].id);
      sent += events.length;
      this.delivered += events.length;
    }
  }

  /** Keep draining in the background until {@link stop}: poll when caught up, back off after failures. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    let backoff = this.opts.minBackoffMs ?? 500;
    while (!this.stopped) {
      let pause = this.opts.pollMs ?? 1000;
      try {
        await this.drain();
        backoff = this.opts.minBackoffMs ?? 500;
        this.lastError = undefined;
      } catch (e) {
        this.failures++;
        this.lastError = e instanceof Error ? e.message : String(e);
        pause = backoff;
        backoff = Math.min(backoff * 2, this.opts.maxBackoffMs ?? 30_000);
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, pause);
      });
    }
  }

  /** Look for new events now instead of at the next poll. */
  nudge(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.wake?.();
  }

  /** Stop the background loop (an in-flight batch finishes first) and close the sink. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.nudge();
    await this.loop;
    this.sink.close();
  }

  /** Counts and the last error, for `doctor` and the server's log. */
  status(): ForwarderStatus {
    let cursor = 0;
    try {
      cursor = this.store().shipCursor(this.sink.name);
    } catch {
      // store unavailable: report 0
    }
    return {
      sink: this.sink.name,
      delivered: this.delivered,
      cursor,
      failures: this.failures,
      lastError: this.lastError,
    };
  }
}
