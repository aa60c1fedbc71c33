import { useState } from 'react';
import { useUiState } from '../../app/UiStateContext';
import { useMediaQuery } from '../../components/useMediaQuery';

/** Below this width the list and the post panel do not both fit beside the text: one folds away. */
const NARROW = '(max-width: 1279px)';

/**
 * The list, the text and the post panel share the width. Where all three do not fit, the panel
 * opening folds the list into a strip, and the list unfolding closes the panel: the text keeps room.
 * The panel comes back as the author left it (ui-state.json), else as the width allows.
 */
export function useFoldingLayout(draftOpen: boolean) {
  const ui = useUiState();
  const narrow = useMediaQuery(NARROW);
  const [listWanted, setListWanted] = useState(true);
  const [panelOpen, setPanelOpenNow] = useState(
    () => ui.state.postPanel ?? !window.matchMedia(NARROW).matches,
  );
  const setPanelOpen = (next: boolean) => {
    setPanelOpenNow(next);
    ui.update({ postPanel: next });
  };
  const listShown = !draftOpen || (listWanted && !(narrow && panelOpen));
  const showList = () => {
    setListWanted(true);
    if (narrow) setPanelOpen(false);
  };
  const hideList = () => setListWanted(false);
  return { listShown, showList, hideList, panelOpen, setPanelOpen };
}
