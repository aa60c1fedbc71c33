export type Protocol = 'micropub' | 'metaweblog';

/** For a blog that offers both, which way to publish. */
export function ProtocolChoice({ value, onChange }: { value: Protocol; onChange: (next: Protocol) => void }) {
  return (
    <fieldset className="field-group" aria-label="Publish with">
      <legend>This blog offers two ways to publish</legend>
      <label>
        <input type="radio" checked={value === 'micropub'} onChange={() => onChange('micropub')} /> Micropub
      </label>{' '}
      <label>
        <input type="radio" checked={value === 'metaweblog'} onChange={() => onChange('metaweblog')} />{' '}
        MetaWeblog
      </label>
    </fieldset>
  );
}
