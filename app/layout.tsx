import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import { AppHeader } from '@/components/shell/app-header';
import { getConfig } from '@/lib/config';
import './globals.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Meshlens',
  description: 'A dashboard for Istio service meshes',
};

// Runs before paint so a dark-mode user never sees a flash of the light theme.
const THEME_SCRIPT = `try{var t=localStorage.getItem('meshlens.theme');var d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}`;

export default async function RootLayout({
  children,
}: {
  children: ReactNode;
}): Promise<ReactNode> {
  const settings = getConfig();
  // proxy.ts sets x-nonce with the nonce of this response's CSP; without it the script would be blocked.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">
        <Providers>
          <AppHeader meshName={settings.meshName} readOnly={settings.readOnly} />
          <main className="mx-auto max-w-[1600px] px-4 py-6">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
