// What the pipeline tells its caller while it works. No stage writes to the console: the CLI
// renders these as progress bars and `error:` lines, a server streams them to its client.

export type PipelineStage = 'ingest' | 'analyse' | 'stories' | 'reports' | 'watch';

export type PipelineEvent =
  /** `done` of `total` items of a stage are finished (`total` may grow while reading folders and feeds). */
  | { kind: 'progress'; stage: PipelineStage; done: number; total: number; item?: string }
  /** An item that could not be read or stored; the rest of the batch goes on. */
  | { kind: 'error'; stage: PipelineStage; item: string; message: string }
  /** An item read with a reservation. */
  | { kind: 'warning'; stage: PipelineStage; item: string; message: string }
  /** Something the user should know that is not about one item (a state rebuilt, a stage's summary). */
  | { kind: 'note'; stage: PipelineStage; message: string };

export type PipelineListener = (event: PipelineEvent) => void;

/** A listener that drops everything, for callers that want none. */
export const quiet: PipelineListener = () => {};
