import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Last line of defence: a calm message and a Reload button instead of a white screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // The message is on screen; the core keeps running and its log is unaffected.
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <CrashScreen message={error.message} />;
  }
}

export function CrashScreen({ message }: { message: string }) {
  return (
    <div className="crash" role="alert">
      <h1>Bulwark’s display stopped</h1>
      <p>
        The window hit an unexpected problem and stopped drawing. The core keeps running: your
        positions, orders and risk checks are not affected by this.
      </p>
      <pre className="crash-detail">{message}</pre>
      <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
