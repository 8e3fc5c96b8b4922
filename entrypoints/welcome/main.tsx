import { render } from 'preact';
import { WelcomePage } from '../../components/welcome/WelcomePage';
import '../../components/theme.css';
import '../../components/welcome/pages.css';

render(<WelcomePage />, document.getElementById('app')!);
