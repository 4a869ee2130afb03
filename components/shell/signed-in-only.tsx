'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** Hides what reads the mesh on the sign-in page, where nobody is signed in yet to read it. */
export function SignedInOnly({ children }: { readonly children: ReactNode }): ReactNode {
  return usePathname() === '/sign-in' ? null : children;
}
