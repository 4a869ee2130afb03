/**
 * The shape of health rules, apart from their parsers, so that our annotation's parser (./rules) and
 * Kiali's (./kiali) share it without importing each other.
 */

/**
 * Shares of requests, 0..1, at or above which a status applies. A threshold of 0 means "any error",
 * i.e. any share above 0 — an error-free node is never degraded.
 */
export interface ErrorThreshold {
  readonly degraded: number;
  readonly failing: number;
}

export interface CategoryRules {
  /** null when the category is switched off. */
  readonly serverErrors: ErrorThreshold | null;
  readonly clientErrors: ErrorThreshold | null;
}

/**
 * The categories judge inbound traffic, and outbound traffic too unless `outbound` is given: only
 * Kiali's annotation tells the directions apart.
 */
export interface HealthRules extends CategoryRules {
  readonly outbound?: CategoryRules;
}
