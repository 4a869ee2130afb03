import 'server-only';
import { getConfig } from '@/lib/config';

// A bad configuration stops the start with a message naming the variable, rather than failing later on
// the first request.
try {
  getConfig();
} catch (err) {
  console.error(`Meshlens cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
