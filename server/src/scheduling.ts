/**
 * When diagnostics are computed: the typing debounce and the pull/push split, apart from the handlers. A document's
 * diagnostics wait until it has been quiet for `delayMs` after a change; on open they are immediate. Pull clients
 * (`textDocument/diagnostic`) ask and `quiet` holds their request back; push clients get a `publishDiagnostics` per
 * document from a timer, for the version that was current when it fired and only while that version still is.
 * Everything it needs is handed in (document versions, the computation, the sending, a clock), so it is tested with
 * fake timers.
 */
import type { CancellationToken, Diagnostic } from 'vscode-languageserver/node';

/** Time and timers; the default reads the globals at each call, so Node's mock timers replace them in tests. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

export interface SchedulerHooks {
  /** The open document's current version; undefined once it is closed. */
  version(uri: string): number | undefined;
  /** The document's diagnostics now. */
  compute(uri: string): Promise<Diagnostic[]>;
  /** Sends pushed diagnostics (`version` undefined: the document closed, `diagnostics` empty). */
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  /** Asks a pull client to pull again (`workspace/diagnostic/refresh`), when it can be asked. */
  refreshPull(): void;
  log(message: string): void;
}

/** The default wait after a change before diagnostics (ms). */
export const DEFAULT_DELAY_MS = 150;

export class DiagnosticsScheduler {
  /** Diagnostics wait until a changed document has been quiet this long. */
  delayMs = DEFAULT_DELAY_MS;
  /** The client pulls diagnostics; nothing is pushed. Set once the client's capabilities are known. */
  pull = false;
  private readonly timers = new Map<string, unknown>();
  /** When each document last changed, and the version it was opened with (diagnostics for that one are immediate). */
  private readonly lastChange = new Map<string, { at: number; openedVersion: number }>();

  constructor(
    private readonly hooks: SchedulerHooks,
    private readonly clock: Clock = systemClock,
  ) {}

  /** A client's `diagnosticsDelayMs` initialization option: from 0 to 1000 (ms), anything else ignored. */
  setDelay(raw: unknown): void {
    const delay = Number(raw);
    if (Number.isFinite(delay) && delay >= 0 && delay <= 1000) this.delayMs = delay;
  }

  /** A document opened: its diagnostics are due now. */
  opened(uri: string, version: number): void {
    this.lastChange.set(uri, { at: this.clock.now(), openedVersion: version });
    this.schedulePush(uri, 0);
  }

  /**
   * A document's content changed: diagnostics wait for the debounce. False for the change event that comes with the
   * open itself (same version), which is no edit.
   */
  changed(uri: string, version: number): boolean {
    const change = this.lastChange.get(uri);
    if (!change || version === change.openedVersion) return false;
    change.at = this.clock.now();
    this.schedulePush(uri, this.delayMs);
    return true;
  }

  /** A document closed: nothing more is due for it, and a push client's problems for it are cleared. */
  closed(uri: string): void {
    this.lastChange.delete(uri);
    this.cancel(uri);
    if (!this.pull) this.hooks.publish(uri, undefined, []);
  }

  /** Settings or the registry changed: every open document's diagnostics are due again, now. */
  refresh(uris: Iterable<string>): void {
    if (this.pull) this.hooks.refreshPull();
    else for (const uri of uris) this.schedulePush(uri, 0);
  }

  /** Waits until the document has been quiet for `delayMs`; false if the request was cancelled meanwhile. */
  async quiet(uri: string, token: CancellationToken): Promise<boolean> {
    for (;;) {
      const change = this.lastChange.get(uri);
      const version = this.hooks.version(uri);
      if (!change || version === undefined || version === change.openedVersion) return true;
      const wait = this.delayMs - (this.clock.now() - change.at);
      if (wait <= 0) return true;
      await new Promise<void>((resolve) => this.clock.setTimeout(resolve, wait));
      if (token.isCancellationRequested) return false;
    }
  }

  /** Shutdown: no push fires any more. */
  dispose(): void {
    for (const timer of this.timers.values()) this.clock.clearTimeout(timer);
    this.timers.clear();
  }

  private cancel(uri: string): void {
    if (this.timers.has(uri)) this.clock.clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  /** One timer per document: a new one replaces the pending one, so a burst of changes pushes once. */
  private schedulePush(uri: string, delay: number): void {
    if (this.pull) return;
    this.cancel(uri);
    this.timers.set(
      uri,
      this.clock.setTimeout(() => {
        this.timers.delete(uri);
        const version = this.hooks.version(uri);
        this.hooks.compute(uri).then(
          (diagnostics) => {
            // A newer version is on its way to its own push.
            if (this.hooks.version(uri) === version) this.hooks.publish(uri, version, diagnostics);
          },
          (e) => this.hooks.log(`Error while computing diagnostics for ${uri}: ${String(e)}`),
        );
      }, delay),
    );
  }
}
