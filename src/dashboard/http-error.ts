/** An error a route answers with: its status and a message safe to show (it is escaped on the page). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
