/** Set when the service starts shutting down, so readiness fails and load balancers drain it first. */
export class ShutdownState {
  private draining = false;

  beginDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }
}
