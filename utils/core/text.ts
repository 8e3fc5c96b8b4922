// Text shortened for display: at most `limit` characters, the last one an ellipsis when cut.
export function ellipsize(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
