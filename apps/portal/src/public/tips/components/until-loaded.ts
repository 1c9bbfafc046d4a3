/**
 * A chunk the page cannot do without, once it is on screen (the last step, the receipt's uploads): when
 * the connection is down, keep waiting and try again when it returns (or every few seconds), rather than
 * fail into an error page that would lose the chosen files or the receipt.
 */
export function untilLoaded<T>(load: () => Promise<T>): Promise<T> {
  return load().catch(
    () =>
      new Promise<T>((resolve) => {
        const again = () => {
          window.removeEventListener('online', again);
          clearTimeout(timer);
          void untilLoaded(load).then(resolve);
        };
        window.addEventListener('online', again);
        const timer = setTimeout(again, 5_000);
      }),
  );
}

/** The receipt's large-upload code: fetched ahead by the form when a large file is picked, then reused. */
let largeUploads: Promise<typeof import('./receipt-large-uploads')> | null = null;
export function loadReceiptLargeUploads(): Promise<typeof import('./receipt-large-uploads')> {
  largeUploads ??= untilLoaded(() => import('./receipt-large-uploads'));
  return largeUploads;
}
