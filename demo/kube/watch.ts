import type http from 'node:http';
import { present } from './object-forms';
import { groupVersion, type ResourceDef } from './resources';
import type { Matcher } from './selectors';
import { badRequest, expired } from './status';
import type { KubeStore, StoreEvent } from './store';
import type { KubeObject } from './types';

export interface WatchRequest {
  def: ResourceDef;
  version: string;
  namespace?: string;
  labels: Matcher;
  fields: Matcher;
  /** Absent or "0": start with ADDED for every current object; otherwise replay history after it. */
  resourceVersion: string | null;
  timeoutSeconds?: number;
  bookmarks: boolean;
  bookmarkIntervalMs: number;
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/**
 * Streams watch events (one JSON object per line, as the apiserver's JSON watch encoder writes them)
 * until the client goes away, timeoutSeconds passes, or the returned stop function is called.
 */
export function serveWatch(
  store: KubeStore,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  w: WatchRequest,
): () => void {
  let from: number | undefined;
  if (w.resourceVersion !== null && w.resourceVersion !== '' && w.resourceVersion !== '0') {
    from = Number(w.resourceVersion);
    if (!Number.isInteger(from) || from < 0)
      throw badRequest(`invalid resource version: ${w.resourceVersion}`);
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  // Clients (node-fetch in client-node's Watch) only return once headers arrive; an idle watch would
  // otherwise hold them back until the first event.
  res.flushHeaders();

  const send = (type: EventType, object: unknown) =>
    res.write(`${JSON.stringify({ type, object })}\n`);
  const inScope = (o: KubeObject) =>
    (w.namespace === undefined || o.metadata.namespace === w.namespace) &&
    w.labels(o) &&
    w.fields(o);
  const show = (o: KubeObject) => present(w.def, w.version, o);

  // A change that moves an object into or out of the selection is seen as ADDED or DELETED.
  const deliver = (e: StoreEvent) => {
    if (e.resource !== w.def.key) return;
    const now = inScope(e.object);
    const before = e.previous ? inScope(e.previous) : false;
    if (e.type === 'MODIFIED' && now && !before) send('ADDED', show(e.object));
    else if (e.type === 'MODIFIED' && !now && before) send('DELETED', show(e.object));
    else if (now) send(e.type, show(e.object));
  };

  let stopped = false;
  let timeout: NodeJS.Timeout | undefined;
  let bookmarkTimer: NodeJS.Timeout | undefined;
  let unsubscribe = () => {};
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    clearTimeout(timeout);
    clearInterval(bookmarkTimer);
    res.end();
  };

  if (from === undefined) {
    for (const o of store.list(w.def.key, w.namespace)) if (inScope(o)) send('ADDED', show(o));
  } else {
    const replay = store.eventsSince(from);
    if ('expired' in replay) {
      // The real server answers 200 and reports the expiry in-band, then closes the stream.
      send('ERROR', expired(from, replay.oldest));
      stop();
      return stop;
    }
    for (const e of replay.events) deliver(e);
  }
  unsubscribe = store.subscribe(deliver);
  if (w.timeoutSeconds !== undefined && w.timeoutSeconds > 0)
    timeout = setTimeout(stop, w.timeoutSeconds * 1000);
  if (w.bookmarks) {
    // A bookmark carries only kind, apiVersion and the resourceVersion the watch has caught up to.
    bookmarkTimer = setInterval(() => {
      send('BOOKMARK', {
        kind: w.def.kind,
        apiVersion: groupVersion(w.def.group, w.version),
        metadata: { resourceVersion: String(store.revision()) },
      });
    }, w.bookmarkIntervalMs);
  }
  req.on('close', stop);
  return stop;
}
