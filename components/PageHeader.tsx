import type { ComponentChildren } from 'preact';
import type { Lang } from '../utils/i18n';
import { LangToggle } from './LangToggle';
import { Shield } from './Shield';

/**
 * The top row of every extension page: the shield and a name (the page's heading where the page
 * has no other), anything the page adds on the right, and the language toggle.
 */
export function PageHeader(props: {
  lang: Lang;
  onLang: (lang: Lang) => void;
  title: string;
  /** The title is the page's h1 (options, My reports) rather than a brand label. */
  heading?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <header class="row">
      <div class="brand">
        <Shield />
        {props.heading ? <h1>{props.title}</h1> : <span>{props.title}</span>}
      </div>
      <span class="spacer" />
      {props.children}
      <LangToggle lang={props.lang} onChange={props.onLang} />
    </header>
  );
}
