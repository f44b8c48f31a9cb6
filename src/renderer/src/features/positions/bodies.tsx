import type { ReactNode, RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { COLUMNS, ROW_HEIGHT, type DisplayItem } from './model';

export type RenderItem = (item: DisplayItem) => ReactNode;

interface BodyProps {
  items: readonly DisplayItem[];
  renderItem: RenderItem;
}

/** Every row in the DOM: books up to VIRTUALIZE_ABOVE positions. */
export function PlainBody({ items, renderItem }: BodyProps) {
  return <tbody>{items.map(renderItem)}</tbody>;
}

function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr className="spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={COLUMNS.length} />
    </tr>
  );
}

/** Only the rows in view (plus overscan), with spacer rows keeping the table's full height. */
export function VirtualBody({
  items,
  renderItem,
  scrollRef,
}: BodyProps & { scrollRef: RefObject<HTMLDivElement | null> }) {
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    getItemKey: (i) => items[i]?.key ?? i,
  });
  const visible = virtualizer.getVirtualItems();
  const top = visible[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (visible.at(-1)?.end ?? 0);
  return (
    <tbody>
      <Spacer height={top} />
      {visible.map((v) => {
        const item = items[v.index];
        return item ? renderItem(item) : null;
      })}
      <Spacer height={bottom} />
    </tbody>
  );
}
