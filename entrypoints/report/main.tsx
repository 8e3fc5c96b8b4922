import { render } from 'preact';
import { ReportPage } from '../../components/report/ReportPage';
import { reportTargetFromSearch } from '../../utils/core/routes';
import '../../components/theme.css';
import '../../components/report/report.css';

// What to report: `?tab=<id>` (a page in a tab) or `?url=<address>` (a site typed or linked).
render(
  <ReportPage target={reportTargetFromSearch(location.search)} />,
  document.getElementById('app')!,
);
