/** What each risk reason the server gives means, in words an operator or a store reads. */
const RISK_REASON_TEXT: Record<string, string> = {
  CLICK_TO_ORDER_TOO_SHORT: 'Ordered faster after the click than a person can',
  MANY_ORDERS_ON_CLICK: 'Several orders came from the same click',
  SELF_REFERRAL: "The click came from the creator's own address",
  AMOUNT_OUTLIER: "The amount is far above the store's usual orders",
};

export const riskReasonText = (reason: string): string => RISK_REASON_TEXT[reason] ?? reason.toLowerCase().replaceAll('_', ' ');

/** A risk score with the reasons behind it (none: "no risk signals"). */
export function RiskReasons({ score, reasons }: { score: number; reasons: readonly string[] }) {
  return (
    <div className="risk-reasons">
      <span className="cell-title">Score {score} of 100</span>
      {reasons.length === 0 ? (
        <span className="cell-note">No risk signals</span>
      ) : (
        <ul className="reason-list">
          {reasons.map((reason) => (
            <li key={reason}>{riskReasonText(reason)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
