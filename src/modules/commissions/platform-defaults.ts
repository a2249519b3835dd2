import type { Config } from '../../platform/config.ts';

/**
 * The platform's own defaults from settings: the last level of hold resolution, the attribution
 * window for last-click campaigns and the risk threshold. (The platform default commission is an
 * admin setting in the database: see platform-settings.)
 */
export interface PlatformDefaults {
  holdDays: number;
  lastClickWindowMinutes: number;
  riskReviewThreshold: number;
}

export function loadPlatformDefaults(config: Pick<Config, 'platformHoldDays' | 'lastClickWindowMinutes' | 'riskReviewThreshold'>): PlatformDefaults {
  if (config.riskReviewThreshold > 100) throw new Error('Setting RISK_REVIEW_THRESHOLD must be between 0 and 100');
  return {
    holdDays: config.platformHoldDays,
    lastClickWindowMinutes: config.lastClickWindowMinutes,
    riskReviewThreshold: config.riskReviewThreshold,
  };
}
