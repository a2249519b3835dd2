import type { Config } from '../../platform/config.ts';
import { DEFAULT_CURRENCY, parseMoney, parsePercentage } from '../../platform/money.ts';
import type { Rate } from './compute-commission.ts';

/** The platform's own defaults, the last level of commission and hold resolution. */
export interface PlatformDefaults {
  commission: Rate;
  holdDays: number;
  lastClickWindowMinutes: number;
  riskReviewThreshold: number;
}

/**
 * The one place platform defaults are read. They come from settings today (PERCENTAGE 5, 14 days
 * hold); an admin settings store can replace this function without touching its callers.
 */
export function loadPlatformDefaults(config: Pick<Config, 'platformCommissionType' | 'platformCommissionValue' | 'platformHoldDays' | 'lastClickWindowMinutes' | 'riskReviewThreshold'>): PlatformDefaults {
  const parsed =
    config.platformCommissionType === 'PERCENTAGE'
      ? parsePercentage(config.platformCommissionValue)
      : (() => {
          const money = parseMoney(config.platformCommissionValue, DEFAULT_CURRENCY);
          return money.ok ? ({ ok: true, value: Number(money.value) } as const) : money;
        })();
  if (!parsed.ok) throw new Error(`Setting PLATFORM_COMMISSION_VALUE ${parsed.message}`);
  if (config.riskReviewThreshold > 100) throw new Error('Setting RISK_REVIEW_THRESHOLD must be between 0 and 100');
  return {
    commission: { type: config.platformCommissionType, value: parsed.value, currency: DEFAULT_CURRENCY },
    holdDays: config.platformHoldDays,
    lastClickWindowMinutes: config.lastClickWindowMinutes,
    riskReviewThreshold: config.riskReviewThreshold,
  };
}
