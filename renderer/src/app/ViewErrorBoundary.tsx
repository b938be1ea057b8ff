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
 * so going anywhere else — another section, or from a failed detail back to its list — draws afresh.
 */
export class ViewErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // For whoever opens the developer tools; the page says it in the person's language.
    console.error('Berth: a view failed', error);
  }

  override render(): ReactNode {
    return this.state.failed ? <ViewFailed /> : this.props.children;
  }
}
