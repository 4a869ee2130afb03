import { CASES as injection } from './injection';
import { CASES as routing } from './routing';
import type { CheckCase } from './types';

/** One crafted object per check added for istioctl's breadth, by area. */
export const CHECK_CASES: readonly CheckCase[] = [...routing, ...injection];
