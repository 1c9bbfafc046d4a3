/**
 * Every 4xx/5xx body. `errors` maps a field path ("email", "subjects.0.name") to a message that a
 * form can show beside the field (react-hook-form's setError).
 */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  errors?: Record<string, string>;
  correlationId?: string;
  /** An upload's refused file: its place among the request's files, from 0. */
  file?: number;
}
