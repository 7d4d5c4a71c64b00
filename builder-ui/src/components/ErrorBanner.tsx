/** An error message with the fields it concerns, as sentences (never the raw error body). */
import type { Issue } from '../../../engine/browser.ts';
import { useLanguage } from '../i18n/language.tsx';
import { said } from '../i18n/message.ts';

interface Props {
  message: string | null;
  /** Details, each already named by its field where possible. */
  items?: { field: string; message: string }[];
  details?: Issue[];
}

export function ErrorBanner({ message, items = [], details = [] }: Props) {
  const { lang } = useLanguage();
  if (!message && items.length === 0 && details.length === 0) return null;
  return (
    <div className="error-banner" role="alert">
      {message && <p>{message}</p>}
      {(items.length > 0 || details.length > 0) && (
        <ul>
          {items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat; position identifies them
            <li key={`i${i}`}>
              <strong>{item.field}</strong>: {item.message}
            </li>
          ))}
          {details.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat; position identifies them
            <li key={`d${i}`}>
              {d.path && <code>{d.path}</code>} {said(d, lang)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
