import type { InputHTMLAttributes, ReactNode } from 'react';

/**
 * A form control with its caption above it. The whole is one <label>, so the caption is the
 * control's accessible name (what screen readers say, what the end-to-end tests find it by) and a
 * click on the caption focuses the control.
 */
export function Field({
  label,
  className,
  children,
}: {
  label: ReactNode;
  /** Added to `field`, e.g. `field--inline` for a caption beside the control. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={className ? `field ${className}` : 'field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/**
 * The most common field: one <input> holding text (or a date, a time, a password), whose changes
 * hand over the new value. Every other attribute goes to the input as it is.
 */
export function InputField({
  label,
  value,
  onChange,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'className'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label}>
      <input {...input} value={value} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}
