/**
 * The attempts this process has on the wire. On shutdown they are cut short (and put back as due,
 * unrecorded, for whichever process runs next) instead of holding the shutdown for a slow receiver.
 */
export class InFlightDeliveries {
  private closing = false;
  private readonly controllers = new Set<AbortController>();

  /** A signal for a new attempt, or null once shutting down (the attempt must not start). */
  begin(): AbortController | null {
    if (this.closing) return null;
    const controller = new AbortController();
    this.controllers.add(controller);
    return controller;
  }

  end(controller: AbortController): void {
    this.controllers.delete(controller);
  }

  close(): void {
    this.closing = true;
    for (const controller of this.controllers) controller.abort();
  }
}
