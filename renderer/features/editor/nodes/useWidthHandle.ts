import { useCallback, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { clampWidth } from '../../../../shared/publish/image-layout';

/**
 * The drag handle at an image's corner: dragging sets the width the post shows (and the upload is
 * resized to). The new width is applied once, when the pointer is released.
 */
export function useWidthHandle(image: RefObject<HTMLImageElement | null>, commit: (width: number) => void) {
  return useCallback(
    (event: ReactPointerEvent<HTMLSpanElement>) => {
      const element = image.current;
      if (!element) return;
      event.preventDefault();
      event.stopPropagation();
      const startX = event.clientX;
      const startWidth = element.getBoundingClientRect().width;
      const frame = element.parentElement;
      const move = (moveEvent: PointerEvent) => {
        if (frame) frame.style.width = `${clampWidth(startWidth + moveEvent.clientX - startX)}px`;
      };
      const up = (upEvent: PointerEvent) => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        commit(clampWidth(startWidth + upEvent.clientX - startX));
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
    },
    [image, commit],
  );
}
