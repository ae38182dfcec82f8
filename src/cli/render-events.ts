// How the CLI shows what the pipeline tells it: a progress bar per stage on a terminal, and one
// `error: ITEM: MESSAGE` line per failed item on stderr (warnings too, unless asked to be quiet).
import type { PipelineEvent, PipelineListener, PipelineStage } from '../pipeline/events.js';
import { progress, type Progress } from './progress.js';

export interface EventRenderer {
  listener: PipelineListener;
  /** Clears any bar still showing; call before printing a summary. */
  stop(): void;
}

export function renderEvents(opts: { warnings?: boolean } = {}): EventRenderer {
  const bars = new Map<PipelineStage, { bar: Progress; total: number }>();
  const stopAll = () => {
    for (const b of bars.values()) b.bar.stop();
    bars.clear();
  };
  const listener = (ev: PipelineEvent) => {
    switch (ev.kind) {
      case 'progress': {
        let b = bars.get(ev.stage);
        if (!b) {
          // One bar at a time: a new stage's bar replaces the last one.
          stopAll();
          bars.set(ev.stage, (b = { bar: progress(ev.total, ev.stage), total: ev.total }));
        }
        if (ev.total > b.total) {
          b.bar.grow(ev.total - b.total);
          b.total = ev.total;
        }
        b.bar.tick(ev.item);
        break;
      }
      case 'error':
        process.stderr.write(`error: ${ev.item}: ${ev.message}\n`);
        break;
      case 'warning':
        if (opts.warnings !== false) process.stderr.write(`warning: ${ev.item}: ${ev.message}\n`);
        break;
      case 'note':
        process.stderr.write(`note: ${ev.message}\n`);
        break;
    }
  };
  return { listener, stop: stopAll };
}
