/** Publishing with a changelog note; enabled only when the saved draft is valid and its tests are green. */
interface Props {
  changelog: string;
  onChangelog: (text: string) => void;
  blockers: string[];
  busy: boolean;
  onPublish: () => void;
}

export function PublishPanel({ changelog, onChangelog, blockers, busy, onPublish }: Props) {
  const ready = blockers.length === 0;
  return (
    <section className="panel publish" aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish</h2>
      <div className="field">
        <label htmlFor="publish-changelog">Changelog note</label>
        <textarea id="publish-changelog" rows={2} value={changelog} onChange={(e) => onChangelog(e.target.value)} />
      </div>
      {!ready && (
        <ul className="hint" aria-label="Before publishing">
          {blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <button type="button" className="primary" disabled={!ready || busy} onClick={onPublish} aria-describedby="publish-note">
        Publish
      </button>
      <p id="publish-note" className="hint">
        A published version never changes; later edits go into a new draft.
      </p>
    </section>
  );
}
