import { CASES as analysis } from './analysis';
import { CASES as gateways } from './gateways';
import { CASES as injection } from './injection';
import { CASES as routing } from './routing';
import { CASES as services } from './services';
import type { CheckCase } from './types';

/** One crafted object per check added for istioctl's breadth, by area. */
export const CHECK_CASES: readonly CheckCase[] = [
  ...analysis,
  ...routing,
  ...gateways,
  ...injection,
  ...services,
];
