import { describe, expect, it } from 'vitest';
import { dryRunThenApply } from './dry-run-then-apply';

interface Write {
  readonly name: string;
  readonly dryRun: boolean;
}

const both = (dryRun: boolean): [Write, Write] => [
  { name: 'dr', dryRun },
  { name: 'vs', dryRun },
];

describe('dryRunThenApply', () => {
  it('dry-runs every write before applying any, and answers with the last real one', async () => {
    const sent: string[] = [];
    const result = await dryRunThenApply(async (w: Write) => {
      sent.push(`${w.name}:${w.dryRun ? 'dry' : 'real'}`);
      return w.name;
    }, both);
    expect(sent).toEqual(['dr:dry', 'vs:dry', 'dr:real', 'vs:real']);
    expect(result).toBe('vs');
  });

  it('applies nothing when a dry run is refused', async () => {
    const sent: string[] = [];
    const refused = new Error('refused');
    await expect(
      dryRunThenApply(async (w: Write) => {
        sent.push(`${w.name}:${w.dryRun ? 'dry' : 'real'}`);
        if (w.name === 'vs' && w.dryRun) throw refused;
      }, both),
    ).rejects.toBe(refused);
    expect(sent).toEqual(['dr:dry', 'vs:dry']);
  });
});
