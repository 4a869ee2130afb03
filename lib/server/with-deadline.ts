/**
 * `work`, or `onTimeout()`'s error once `ms` have passed, so that a request never waits longer than a
 * person would (the sources' own timeouts are per call and can add up). The work itself goes on; its
 * late result or error is dropped.
 */
export async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => Error,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
