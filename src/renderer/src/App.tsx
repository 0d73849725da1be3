import { useCallback, useEffect, useState } from 'react';
import { api } from './api/api';
import { onDesktopImportFiles } from './api/onDesktopImportFiles';
import { Alert } from './components/Alert';
import { RecoveryScreen } from './features/backups/RecoveryScreen';
import { RestoredNotice } from './features/backups/RestoredNotice';
import { RoleLabelsContext } from './features/highlights/useRoleLabels';
import { LibraryView } from './features/library/LibraryView';
import { ReadOnlyLibraryNotice } from './features/library/ReadOnlyLibraryNotice';
import { useBriefmarkLinks } from './features/links/useBriefmarkLinks';
import { ReaderView } from './features/reader/ReaderView';
import { useReaderSettings } from './features/settings/useReaderSettings';
import { readLastOpenBrief, rememberOpenBrief } from './lastOpenBrief';

type Screen =
  | { kind: 'starting' }
  | { kind: 'library' }
  | { kind: 'reader'; briefId: string }
  // The library could not be opened (it is damaged): its backups are offered instead.
  | { kind: 'recovery' };

/** The app shell: asks the library what to open first, then shows the library or a brief. */
export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: 'starting' });
  const [startError, setStartError] = useState<string | null>(null);
  const [readOnlyNotice, setReadOnlyNotice] = useState<string | null>(null);
  // Files from the desktop menu's Import…: the library view takes them and imports them.
  const [menuImport, setMenuImport] = useState<File[] | null>(null);
  const readerSettings = useReaderSettings();
  const showBrief = useCallback((briefId: string) => setScreen({ kind: 'reader', briefId }), []);
  const links = useBriefmarkLinks(showBrief);
  const { openFromLocation } = links;

  useEffect(
    () =>
      onDesktopImportFiles((files) => {
        setMenuImport(files);
        setScreen({ kind: 'library' });
      }),
    [],
  );

  useEffect(() => {
    let cancelled = false;
    void api['app.welcome']({}).then(async (result) => {
      if (cancelled) return;
      if (!result.ok && result.error.code === 'library_unavailable') {
        setScreen({ kind: 'recovery' });
        return;
      }
      if (!result.ok) setStartError(result.error.message);
      else setReadOnlyNotice(result.value.readOnlyNotice);
      // A link in web mode's address opens in place of the last brief; a bad one leaves it.
      if (await openFromLocation()) return;
      const briefId = (result.ok ? result.value.openBriefId : null) ?? readLastOpenBrief();
      // Unless a link from the desktop shell opened a brief meanwhile.
      setScreen((current) =>
        current.kind !== 'starting'
          ? current
          : briefId
            ? { kind: 'reader', briefId }
            : { kind: 'library' },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [openFromLocation]);

  useEffect(() => {
    if (screen.kind === 'starting' || screen.kind === 'recovery') return;
    rememberOpenBrief(screen.kind === 'reader' ? screen.briefId : null);
  }, [screen]);

  return (
    // The reader's names for the highlight roles reach every toolbar, popover and list.
    <RoleLabelsContext value={readerSettings.roleLabels}>
      <div className="app">
        <RestoredNotice />
        {readOnlyNotice && <ReadOnlyLibraryNotice notice={readOnlyNotice} />}
        {startError && (
          <div className="banner">
            <Alert title="Briefmark could not start normally" onDismiss={() => setStartError(null)}>
              <p>{startError}</p>
            </Alert>
          </div>
        )}
        {readerSettings.error && (
          <div className="banner">
            <Alert title="Settings not saved" onDismiss={readerSettings.dismissError}>
              <p>{readerSettings.error}</p>
            </Alert>
          </div>
        )}
        {links.message && (
          <div className="banner">
            <Alert title={links.message.title} onDismiss={links.dismissMessage}>
              <p>{links.message.text}</p>
            </Alert>
          </div>
        )}
        {screen.kind === 'starting' && (
          <p className="center-message muted">Opening your library…</p>
        )}
        {screen.kind === 'recovery' && <RecoveryScreen />}
        {screen.kind === 'library' && (
          <LibraryView
            onOpen={(briefId) => setScreen({ kind: 'reader', briefId })}
            filesToImport={menuImport}
            onFilesTaken={() => setMenuImport(null)}
          />
        )}
        {screen.kind === 'reader' && (
          <ReaderView
            key={screen.briefId}
            briefId={screen.briefId}
            settings={readerSettings.settings}
            onSettingsChange={readerSettings.change}
            onBack={() => setScreen({ kind: 'library' })}
            onOpenBrief={showBrief}
            reveal={links.reveal?.briefId === screen.briefId ? links.reveal : null}
            onRevealed={links.revealed}
            onOpenLink={(link) => void links.open(link)}
          />
        )}
      </div>
    </RoleLabelsContext>
  );
}
