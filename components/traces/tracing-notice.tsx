import type { ReactNode } from 'react';

/** Tracing is optional: without JAEGER_URL the page explains what to set instead of failing. */
export function TracingNotConfigured(): ReactNode {
  return (
    <section
      aria-labelledby="tracing-off"
      className="max-w-prose rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="tracing-off" className="font-semibold">
        Tracing is not configured
      </h2>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Meshlens reads traces from Jaeger&apos;s query service. Set{' '}
        <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">JAEGER_URL</code> to its
        address (Istio&apos;s addon serves it as{' '}
        <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">
          http://tracing.istio-system:80/jaeger
        </code>
        ) and restart Meshlens. Optionally set{' '}
        <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">JAEGER_UI_URL</code> for
        &ldquo;Open in Jaeger UI&rdquo; links. The rest of Meshlens works without it.
      </p>
    </section>
  );
}

/** A failed traces request, said in place; the rest of the page keeps working. */
export function TracesProblem({ status, detail }: { status: number; detail: string }): ReactNode {
  const title =
    status === 503
      ? 'Jaeger is unavailable'
      : status === 404
        ? 'Trace not found'
        : status === 400
          ? 'This search cannot be run'
          : 'Traces could not be loaded';
  return (
    <div
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{detail}</p>
    </div>
  );
}
