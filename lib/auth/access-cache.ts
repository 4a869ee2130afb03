import { coalescingCache, type CoalescingCache } from '@/lib/cache';

/**
 * Per-person answers, kept briefly: RBAC changes reach a person within ACCESS_TTL_MS, and a page of
 * requests (graph, lists, session) shares one set of reviews. Bounded in people (the least recently
 * asked is dropped) and in answers per person, so a crowd of users or object checks cannot grow it.
 * A failed review is not kept at all (coalescingCache drops rejections): the next request asks again.
 */
export const ACCESS_TTL_MS = 30_000;
const MAX_PEOPLE = 500;
const MAX_ANSWERS_PER_PERSON = 2_000;

export interface AccessCache {
  answer(person: string, question: string, ask: () => Promise<boolean>): Promise<boolean>;
  clear(): void;
}

export function accessCache(now: () => number = Date.now, maxPeople = MAX_PEOPLE): AccessCache {
  const people = new Map<string, CoalescingCache<boolean>>();
  return {
    answer(person, question, ask) {
      let cache = people.get(person);
      if (cache) {
        // Re-inserted, so that Map order is least recently asked first.
        people.delete(person);
      } else {
        cache = coalescingCache<boolean>(ACCESS_TTL_MS, now, MAX_ANSWERS_PER_PERSON);
        if (people.size >= maxPeople) {
          const oldest = people.keys().next();
          if (!oldest.done) people.delete(oldest.value);
        }
      }
      people.set(person, cache);
      return cache.get(question, ask);
    },
    clear() {
      people.clear();
    },
  };
}
