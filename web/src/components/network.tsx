// The actor network as a graph (cytoscape, loaded only when a story page shows one): edges
// coloured by cooperation or conflict, their width by event count or Goldstein sum, and a month
// range that recomputes the weights from each edge's per-month figures. The same edges follow as
// a table, for keyboards and screen readers.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Network, NetworkEdge } from '../api';

type Weight = 'events' | 'goldstein';

interface ShownEdge extends NetworkEdge {
  shownEvents: number;
  shownGoldstein: number;
}

function inRange(edges: NetworkEdge[], from: string, to: string): ShownEdge[] {
  return edges
    .map((e) => {
      let events = 0;
      let goldstein = 0;
      for (const [month, m] of Object.entries(e.byMonth)) {
        const keep = month === 'undated' ? !from && !to : (!from || month >= from) && (!to || month <= to);
        if (!keep) continue;
        events += m.events;
        goldstein += m.goldstein;
      }
      return { ...e, shownEvents: events, shownGoldstein: Math.round(goldstein * 10) / 10 };
    })
    .filter((e) => e.shownEvents > 0);
}

const tone = (e: ShownEdge) => (e.conflict > e.cooperation || (e.conflict === e.cooperation && e.shownGoldstein < 0) ? 'conflict' : e.cooperation > 0 ? 'cooperation' : 'neutral');
const COLOURS = { conflict: '#b3261e', cooperation: '#1b7f3b', neutral: '#777' } as const;

export function NetworkGraph({ net }: { net: Network }) {
  const months = useMemo(() => [...new Set(net.edges.flatMap((e) => Object.keys(e.byMonth)).filter((m) => m !== 'undated'))].sort(), [net]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [weight, setWeight] = useState<Weight>('events');
  const edges = useMemo(() => inRange(net.edges, from, to), [net, from, to]);
  const box = useRef<HTMLDivElement>(null);
  const label = new Map(net.nodes.map((n) => [n.id, n.label]));

  useEffect(() => {
    let destroyed = false;
    let cy: { destroy(): void } | null = null;
    const used = new Set(edges.flatMap((e) => [e.source, e.target]));
    const max = Math.max(1, ...edges.map((e) => (weight === 'events' ? e.shownEvents : Math.abs(e.shownGoldstein))));
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (destroyed || !box.current) return;
      cy = cytoscape({
        container: box.current,
        // Labels are drawn on the canvas as text: a name from a source never becomes markup.
        elements: [
          ...net.nodes.filter((n) => used.has(n.id)).map((n) => ({ data: { id: n.id, label: n.label } })),
          ...edges.map((e, i) => ({
            data: { id: `e${i}`, source: e.source, target: e.target, colour: COLOURS[tone(e)], width: 1 + (7 * (weight === 'events' ? e.shownEvents : Math.abs(e.shownGoldstein))) / max },
          })),
        ],
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#3b5b92', color: '#222', 'text-valign': 'bottom', 'text-margin-y': 4 } },
          { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier' } },
        ],
        layout: { name: 'cose', animate: false, randomize: false },
        wheelSensitivity: 0.3,
      });
    });
    return () => {
      destroyed = true;
      cy?.destroy();
    };
  }, [net, edges, weight]);

  return (
    <div class="network">
      <div class="controls">
        <label>
          From{' '}
          <select value={from} onChange={(e) => setFrom((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">start</option>
            {months.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          To{' '}
          <select value={to} onChange={(e) => setTo((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">end</option>
            {months.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          Edge width{' '}
          <select value={weight} onChange={(e) => setWeight((e.currentTarget as HTMLSelectElement).value as Weight)}>
            <option value="events">event count</option>
            <option value="goldstein">Goldstein sum</option>
          </select>
        </label>
        <span class="legend">
          <span class="swatch cooperation" /> cooperation <span class="swatch conflict" /> conflict
        </span>
      </div>
      <div class="graph" ref={box} role="img" aria-label={`Actor network: ${edges.length} links`} />
      <details>
        <summary>Links as a table</summary>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Events</th>
                <th scope="col">Goldstein</th>
                <th scope="col">Kind</th>
              </tr>
            </thead>
            <tbody>
              {edges.map((e, i) => (
                <tr key={i}>
                  <td>{label.get(e.source) ?? e.source}</td>
                  <td>{label.get(e.target) ?? e.target}</td>
                  <td>{e.shownEvents}</td>
                  <td>{e.shownGoldstein}</td>
                  <td>{tone(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
