import { useMemo, useState } from 'react';
import type { Bookmark } from '../../../shared/model/bookmark';

/** The author's choices among the digest's links: their order (ids) and the ones left out. */
export function useLinkChoices() {
  const [order, setOrder] = useState<string[]>([]);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setExcluded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const reset = () => {
    setOrder([]);
    setExcluded(new Set());
  };
  return { order, setOrder, excluded, toggle, reset };
}

/**
 * The fetched links in the author's order, which shows at once while the preview catches up; `move`
 * drags one link from one place to another.
 */
export function useAuthorOrder(
  fetched: Bookmark[] | undefined,
  order: string[],
  setOrder: (ids: string[]) => void,
) {
  const links = useMemo(() => {
    const position = new Map(order.map((id, index) => [id, index]));
    return [...(fetched ?? [])].sort(
      (a, b) => (position.get(a.id) ?? order.length) - (position.get(b.id) ?? order.length),
    );
  }, [fetched, order]);
  const move = (from: number, to: number) => {
    const ids = links.map((link) => link.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved!);
    setOrder(ids);
  };
  return { links, move };
}
