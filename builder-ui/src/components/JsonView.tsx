/** The draft as JSON, read-only (text, never HTML), with a copy button. */
import type { RubricDocument } from '../../../engine/browser.ts';

export function JsonView({ doc }: { doc: RubricDocument }) {
  const text = JSON.stringify(doc, null, 2);
  return (
    <div className="json-view">
      <button type="button" onClick={() => void navigator.clipboard?.writeText(text)}>
        Copy JSON
      </button>
      <label htmlFor="json-view" className="visually-hidden">
        Rubric document as JSON (read-only)
      </label>
      <textarea id="json-view" readOnly value={text} rows={30} spellCheck={false} />
    </div>
  );
}
