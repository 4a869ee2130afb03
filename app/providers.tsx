'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { RefreshProvider } from '@/lib/client/refresh-interval';

export function Providers({ children }: { children: ReactNode }): ReactNode {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 2_000 },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <RefreshProvider>{children}</RefreshProvider>
    </QueryClientProvider>
  );
}
