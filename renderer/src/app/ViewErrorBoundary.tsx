import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a view that failed to draw leaves on screen: Berth's own words and a way forward, never the raw error. */
function ViewFailed() {
  const { t } = useTranslation();
  return (
    <div className="error-notice" role="alert">
      <p className="error-notice__message">{t('app.viewFailed')}</p>
      <p className="error-notice__hint">{t('app.viewFailedHint')}</p>
      <button type="button" className="button" onClick={() => location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}

/**
 * Keeps a view's failure (its code could not be loaded, or it threw while drawing) inside the view:
 * without it React unmounts the whole window, sidebar and all. Keyed by the place shown (App.tsx),
 * so going anywhere else — another section, or from a failed detail back to its list — draws afresh;
 * a view kept while hidden (KeptView) is not remounted, and gives a new `resetKey` instead.
 */
export class ViewErrorBoundary extends Component<{ children: ReactNode; resetKey?: number }, { failed: boolean; resetKey?: number }> {
  override state: { failed: boolean; resetKey?: number } = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey?: number }, state: { failed: boolean; resetKey?: number }): { failed: boolean; resetKey?: number } | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    // For whoever opens the developer tools; the page says it in the person's language.
    console.error('Berth: a view failed', error);
  }

  override render(): ReactNode {
    return this.state.failed ? <ViewFailed /> : this.props.children;
  }
}
