import { render } from 'preact';
import { PrivacyPage } from '../../components/welcome/PrivacyPage';
import '../../components/theme.css';
import '../../components/welcome/pages.css';

render(<PrivacyPage />, document.getElementById('app')!);
