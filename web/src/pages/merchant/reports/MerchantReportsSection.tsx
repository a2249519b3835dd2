import { DataModeSwitch, useDataMode } from '../../../components/DataModeSwitch.tsx';
import { ReportPeriodPicker, useReportPeriod } from '../../reports/ReportPeriodPicker.tsx';
import { ConversionsSection } from './ConversionsSection.tsx';
import { MerchantPerformance } from './MerchantPerformance.tsx';
import { TopAffiliates, TopLinks } from './MerchantTopTables.tsx';

/** The store's performance on its home page: headline numbers, the chart, top creators and links, conversions. */
export function MerchantReportsSection() {
  const [mode, setMode] = useDataMode();
  const [period, setPeriod] = useReportPeriod();
  return (
    <>
      <section className="section" aria-labelledby="performance">
        <div className="section-header">
          <h2 id="performance">Performance</h2>
          <DataModeSwitch mode={mode} onChange={setMode} />
        </div>
        <ReportPeriodPicker period={period} onChange={setPeriod} />
        <MerchantPerformance mode={mode} period={period} />
      </section>
      <div className="grid grid--two">
        <section className="card" aria-labelledby="top-creators">
          <h2 id="top-creators">Top creators</h2>
          <TopAffiliates key={`${mode}:${period.from}:${period.to}`} mode={mode} period={period} />
        </section>
        <section className="card" aria-labelledby="top-links">
          <h2 id="top-links">Top links</h2>
          <TopLinks key={`${mode}:${period.from}:${period.to}`} mode={mode} period={period} />
        </section>
      </div>
      <section className="section" aria-labelledby="conversions">
        <h2 id="conversions">Conversions</h2>
        <ConversionsSection key={mode} mode={mode} />
      </section>
    </>
  );
}
