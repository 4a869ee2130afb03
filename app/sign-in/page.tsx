import type { ReactNode } from 'react';
import { SignInForm } from '@/components/sign-in/sign-in-form';
import { safeNextPath } from '@/lib/auth/next-path';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

interface Props {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** /sign-in?next=<path>: the token form; `next` is checked here so the form only returns on this site. */
export default async function SignInPage({ searchParams }: Props): Promise<ReactNode> {
  const { next } = await searchParams;
  return (
    <SignInForm
      next={safeNextPath(typeof next === 'string' ? next : undefined)}
      strategy={getConfig().auth.strategy}
    />
  );
}
