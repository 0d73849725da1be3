import { useEffect, useState } from 'react';
import { forgetRestoredNotice, readRestoredNotice } from './restoredNotice';

/** After a restore has reloaded the app: what was restored and where the old library went. */
export function RestoredNotice() {
  const [text, setText] = useState(readRestoredNotice);
  // Forgotten in an effect, not while reading: a render may run twice, the effect once it shows.
  useEffect(() => forgetRestoredNotice(), []);
  if (!text) return null;
  return (
    <div className="banner">
      <div className="restored-notice" role="status">
        <p>{text}</p>
        <button
          type="button"
          className="button button-quiet alert-dismiss"
          onClick={() => setText(null)}
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
