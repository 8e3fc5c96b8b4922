import { render } from 'preact';
import { ReportPage } from '../../components/report/ReportPage';
import { reportKindFromSearch, reportTargetFromSearch } from '../../utils/core/routes';
import { REPORT_KINDS } from '../../utils/reports/model';
import '../../components/theme.css';
import '../../components/report/report.css';

// What to report: `?tab=<id>` (a page in a tab) or `?url=<address>` (a site typed or linked);
// `&kind=false-positive` when "Listed by mistake?" opened it.
render(
  <ReportPage
    target={reportTargetFromSearch(location.search)}
    initialKind={reportKindFromSearch(location.search, REPORT_KINDS)}
  />,
  document.getElementById('app')!,
);
