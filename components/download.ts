// Save text as a file the user downloads (exports of settings and of reports).
export function downloadJson(name: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The browser has read the blob once the download started; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
