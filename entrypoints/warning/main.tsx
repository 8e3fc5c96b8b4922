import { render } from 'preact';
import { WarningPage } from '../../components/WarningPage';
import { blockedUrlFromHash } from '../../utils/core/routes';
import '../../components/theme.css';
import './warning.css';

render(
  <WarningPage blockedUrl={blockedUrlFromHash(location.hash)} />,
  document.getElementById('app')!,
);
