/** "is required" reads as "Password is required"; a full sentence from the server stays as it is. */
export function fieldMessage(label: string, message: string): string {
  return /^[a-z]/.test(message) ? `${label} ${message}` : message;
}
