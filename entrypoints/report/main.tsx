import { render } from 'preact';
import { ReportPage, type ReportTarget } from '../../components/report/ReportPage';
import '../../components/theme.css';
import '../../components/report/report.css';

/** What to report: `?tab=<id>` (a page in a tab) or `?url=<address>` (a site typed or linked). */
function target(search: string): ReportTarget {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  if (tab !== null && /^\d{1,10}$/.test(tab)) return { tabId: Number(tab) };
  const url = params.get('url');
  if (url !== null && /^https?:\/\//i.test(url)) return { url };
  return null;
}

render(<ReportPage target={target(location.search)} />, document.getElementById('app')!);
