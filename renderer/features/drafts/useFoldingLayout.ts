import { useState } from 'react';
import { useUiState } from '../../app/UiStateContext';
import { useMediaQuery } from '../../components/useMediaQuery';

/** Below this width the list and the post panel do not both fit beside the text: one folds away. */
const NARROW = '(max-width: 1279px)';
/** At these widths (200% and 400% zoom) the panel, and the list, lie over the text (styles/reflow.css). */
const PANEL_OVER_TEXT = '(max-width: 700px)';
const LIST_OVER_TEXT = '(max-width: 480px)';

/**
 * The list, the text and the post panel share the width. Where all three do not fit, the panel
 * opening folds the list into a strip, and the list unfolding closes the panel: the text keeps room.
 * The panel comes back as the author left it (ui-state.json), else as the width allows. Where the
 * panel or the list lies over the text, a draft that opens, or is open as the window narrows (zoom),
 * shows itself: they fold, until asked for.
 */
export function useFoldingLayout(openId: string | null) {
  const ui = useUiState();
  const draftOpen = openId !== null;
  const narrow = useMediaQuery(NARROW);
  const panelOverText = useMediaQuery(PANEL_OVER_TEXT);
  const listOverText = useMediaQuery(LIST_OVER_TEXT);
  const [listWanted, setListWanted] = useState(true);
  const [panelOpen, setPanelOpenNow] = useState(
    () => ui.state.postPanel ?? !window.matchMedia(NARROW).matches,
  );
  const setPanelOpen = (next: boolean) => {
    setPanelOpenNow(next);
    ui.update({ postPanel: next });
  };
  // A draft that opens, or a window that narrows (zoom) under an open draft, until they lie over it.
  const [seen, setSeen] = useState({ openId, panelOverText, listOverText });
  if (openId !== seen.openId || panelOverText !== seen.panelOverText || listOverText !== seen.listOverText) {
    setSeen({ openId, panelOverText, listOverText });
    const opened = openId !== seen.openId;
    // Not remembered: a wider window (zooming out) shows them again as the author left them.
    if (draftOpen && panelOverText && (opened || !seen.panelOverText)) setPanelOpenNow(false);
    else if (seen.panelOverText && !panelOverText) setPanelOpenNow(ui.state.postPanel ?? !narrow);
    if (draftOpen && listOverText && (opened || !seen.listOverText)) setListWanted(false);
    else if (seen.listOverText && !listOverText) setListWanted(true);
  }
  const listShown = !draftOpen || (listWanted && !(narrow && panelOpen));
  const showList = () => {
    setListWanted(true);
    if (narrow) setPanelOpen(false);
  };
  const hideList = () => setListWanted(false);
  return { listShown, showList, hideList, panelOpen, setPanelOpen };
}
