/** The visible and audible "stale" marker: never let old data look fresh. */
export function StaleTag({ title }: { title: string }) {
  return (
    <span className="stale-tag" title={title}>
      stale
    </span>
  );
}

/** Text for screen readers only. */
export function SrOnly({ children }: { children: React.ReactNode }) {
  return <span className="sr-only">{children}</span>;
}
