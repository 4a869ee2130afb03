'use client';

import Link from 'next/link';
import { useState, type FormEvent, type ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { signIn } from '@/lib/client/use-session';

interface SignInFormProps {
  /** Already checked by safeNextPath on the server: a path on this site. */
  readonly next: string;
  readonly strategy: 'anonymous' | 'token' | 'header';
}

export function SignInForm({ next, strategy }: SignInFormProps): ReactNode {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  if (strategy !== 'token') {
    return (
      <section className="mx-auto max-w-xl">
        <PageHeader title="Sign in" />
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {strategy === 'anonymous'
            ? 'This Meshlens does not sign people in (AUTH_STRATEGY=anonymous): it acts as its own service account.'
            : 'This Meshlens is signed into by the authenticating proxy in front of it (AUTH_STRATEGY=header).'}{' '}
          <Link href="/" className="text-sky-700 underline dark:text-sky-400">
            Go to the overview
          </Link>
        </p>
      </section>
    );
  }

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(token);
      setToken('');
      // A full load, not router.push: every query and cache starts again as the signed-in user.
      window.location.assign(next);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <section className="mx-auto max-w-xl">
      <PageHeader title="Sign in" />
      <form
        onSubmit={(e) => void submit(e)}
        className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
      >
        <label htmlFor="token" className="text-sm font-medium text-slate-800 dark:text-slate-200">
          Kubernetes bearer token
        </label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-describedby="token-help"
          aria-invalid={error !== undefined}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
        />
        {error ? (
          <p
            role="alert"
            className="rounded bg-red-50 px-2 py-1 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
          >
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={busy || token.trim() === ''}
          className="self-start rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-50 dark:bg-sky-600 dark:hover:bg-sky-500"
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <div id="token-help" className="text-sm text-slate-600 dark:text-slate-400">
          <p>
            Meshlens acts with this token, so the cluster&apos;s RBAC decides what you see and
            change. It is kept in an encrypted cookie that page scripts cannot read. To get one:
          </p>
          <ul className="mt-1 list-disc pl-5">
            <li>
              a service account&apos;s:{' '}
              <code className="font-mono">
                kubectl create token &lt;serviceaccount&gt; -n &lt;namespace&gt;
              </code>
            </li>
            <li>
              or the <code className="font-mono">token</code> of your user in your kubeconfig (
              <code className="font-mono">kubectl config view --raw</code>).
            </li>
          </ul>
        </div>
      </form>
    </section>
  );
}
