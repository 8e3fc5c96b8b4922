import { render } from 'preact';
import { OptionsPage } from '../../components/options/OptionsPage';
import '../../components/theme.css';
import './options.css';

render(<OptionsPage />, document.getElementById('app')!);
