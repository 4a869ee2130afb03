/**
 * Sends every write as a dry run, then every write for real, in order. The dry runs let the API
 * server (admission, its own schema) refuse before anything is stored, so a batch of writes is not
 * left half-applied by a refusal the second object would have met. Resolves with the last real
 * write's answer; rejects with the first refusal, dry run or not.
 */
export async function dryRunThenApply<TWrite, TResult>(
  send: (write: TWrite) => Promise<TResult>,
  writesFor: (dryRun: boolean) => readonly [TWrite, ...TWrite[]],
): Promise<TResult> {
  for (const write of writesFor(true)) await send(write);
  const [first, ...rest] = writesFor(false);
  let result = await send(first);
  for (const write of rest) result = await send(write);
  return result;
}
