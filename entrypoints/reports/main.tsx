import { render } from 'preact';
import { MyReports } from '../../components/report/MyReports';
import '../../components/theme.css';
import '../../components/report/report.css';

render(<MyReports />, document.getElementById('app')!);
