// Client-side routes: the path in the address bar picks the page; links
// change it without reloading (the node answers index.html for any of them).
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

export function navigate(to: string): void {
  history.pushState(null, '', to);
  listeners.forEach((listener) => listener());
}

window.addEventListener('popstate', () => listeners.forEach((listener) => listener()));

export interface Location {
  path: string;
  params: URLSearchParams;
}

function currentLocation(): Location {
  return { path: location.pathname, params: new URLSearchParams(location.search) };
}

export function useLocation(): Location {
  const [where, setWhere] = useState(currentLocation());
  useEffect(() => {
    const update = () => setWhere(currentLocation());
    listeners.add(update);
    return () => listeners.delete(update);
  }, []);
  return where;
}

// For <a onClick>: follows the link in the app unless the user asked for a new tab.
export function followLink(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href') ?? '/');
}
