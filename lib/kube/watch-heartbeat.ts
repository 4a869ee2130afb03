import 'server-only';
import * as k8s from '@kubernetes/client-node';
import { UpstreamUnavailableError } from '@/lib/errors';
import { seconds } from './timeout';

export interface HeartbeatOptions {
  /**
   * Asked of the API server, which ends the watch after this long; the informer then re-watches from
   * its resourceVersion (no relist), so a healthy watch is heard from at least this often.
   */
  readonly timeoutSeconds: number;
  /** Silence after which the watch counts as dead: timeoutSeconds plus the reconnect's own time. */
  readonly silenceMs: number;
  /** Called on connect and on every line (event or bookmark): the API server is alive. */
  readonly onHeard: () => void;
}

/**
 * client-node's Watch with a heartbeat expectation. A hung API server keeps the TCP connection open
 * and sends nothing, which the plain Watch waits out forever (its own timeout is never applied);
 * here a watch silent past `silenceMs` ends with an error, so the informer retries and reports it.
 */
export class HeartbeatWatch extends k8s.Watch {
  constructor(
    config: k8s.KubeConfig,
    private readonly heartbeat: HeartbeatOptions,
  ) {
    super(config);
  }

  override async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: unknown, watchObj?: unknown) => void,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    const { timeoutSeconds, silenceMs, onHeard } = this.heartbeat;
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    let giveUp: () => void = () => undefined;
    const gaveUp = new Promise<undefined>((resolve) => (giveUp = () => resolve(undefined)));
    const finish = (err: unknown): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      giveUp();
      done(err);
    };
    const expectWithin = (what: string): void => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          finish(new UpstreamUnavailableError('kubernetes', `${what} for ${seconds(silenceMs)} s`)),
        silenceMs,
      );
      timer.unref();
    };
    const heard = (): void => {
      onHeard();
      expectWithin('the watch heard nothing, not even a bookmark,');
    };
    // Also covers a watch request whose response headers never come.
    expectWithin('the watch request got no answer');
    const connecting = super.watch(
      path,
      { ...queryParams, allowWatchBookmarks: true, timeoutSeconds },
      (phase, apiObj, watchObj) => {
        if (finished) return;
        heard();
        callback(phase, apiObj, watchObj);
      },
      finish,
    );
    const controller = await Promise.race([connecting, gaveUp]);
    if (controller === undefined) {
      void connecting.then((late) => late.abort());
      return new AbortController();
    }
    if (finished) controller.abort();
    else heard();
    return controller;
  }
}
