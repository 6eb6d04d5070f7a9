// Small pieces every page uses: links, TLP badges, errors in words, and
// data loaded from the API with its loading and error states.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { describeError } from '../api';
import { t } from '../i18n';
import { followLink } from '../router';
import type { Tlp } from '../stix';

export function Link({ href, children, class: className }: { href: string; children: ComponentChildren; class?: string }) {
  return (
    <a href={href} class={className} onClick={followLink}>
      {children}
    </a>
  );
}

export function TlpBadge({ tlp }: { tlp: Tlp | null | undefined }) {
  if (!tlp) return <span class="tlp tlp-none">TLP —</span>;
  return <span class={`tlp tlp-${tlp.replace('+', '-')}`}>TLP:{tlp.toUpperCase()}</span>;
}

export function ErrorMessage({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p class="error" role="alert">
      {describeError(error)}
    </p>
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

// Runs `load` when `key` changes (and on reload()); keeps its result or error.
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error: unknown; loading: boolean }>({ error: null, loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

// The loading line, the error, or the content.
export function Loading<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (loaded.data === undefined) return <p class="muted">{t('common.loading')}</p>;
  return <>{children(loaded.data)}</>;
}

// A table of `headers` (an empty one for a column of buttons) that scrolls sideways on a narrow screen.
export function Table({ headers, children }: { headers: string[]; children: ComponentChildren }) {
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th scope="col" key={`${index}-${header}`}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

// For buttons and forms that call the API: run(action) clears the last
// error, runs the action, keeps its error if it fails, and says whether it succeeded.
export function useAction(): [unknown, (action: () => Promise<unknown>) => Promise<boolean>] {
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  }, []);
  return [error, run];
}
