import { render } from 'preact';
import { WarningPage, blockedUrlFromLocation } from '../../components/WarningPage';
import '../../components/theme.css';
import './warning.css';

render(
  <WarningPage blockedUrl={blockedUrlFromLocation(location.hash)} />,
  document.getElementById('app')!,
);
