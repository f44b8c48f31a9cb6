import { useId, type ReactNode } from 'react';

/**
 * A labelled ticket control. The label points at the control by id rather than wrapping it: a
 * wrapping label would name a select after its options too ("Strategy Iron condor").
 */
export function Field(props: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`tk-field${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id)}
    </div>
  );
}
