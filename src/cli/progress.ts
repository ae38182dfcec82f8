// A progress bar on a terminal; silence when output is piped or redirected.
import cliProgress from 'cli-progress';

export interface Progress {
  tick(label?: string): void;
  grow(by: number): void;
  stop(): void;
}

export function progress(total: number, what: string): Progress {
  if (!process.stderr.isTTY || process.env.CI) return { tick() {}, grow() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${what} [{bar}] {value}/{total} {label}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let t = total;
  bar.start(t, 0, { label: '' });
  return {
    tick(label = '') {
      bar.increment(1, { label: label.length > 40 ? `…${label.slice(-39)}` : label });
    },
    grow(by) {
      t += by;
      bar.setTotal(t);
    },
    stop() {
      bar.stop();
    },
  };
}
