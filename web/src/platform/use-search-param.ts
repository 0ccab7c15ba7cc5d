import { useSearchParams } from 'react-router';

/** the page's query string and a setter for one of its parameters (replacing the history entry, keeping the others) */
export function useSearchParam(): [URLSearchParams, (key: string, value: string) => void] {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string): void => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  return [params, set];
}
