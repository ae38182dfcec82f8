// Actor networks: actors as nodes, cooperation and conflict as weighted directed edges (event
// counts and Goldstein sums, overall and per month), exportable as JSON and GraphML.

export interface NetworkEvent {
  source: string | null;
  target: string | null;
  sourceLabel?: string | null;
  targetLabel?: string | null;
  goldstein: number | null;
  quad: number | null;
  date: string | null;
}

export interface NetworkEdge {
  source: string;
  target: string;
  events: number;
  goldstein: number;
  cooperation: number;
  conflict: number;
  /** Month ('2017-10', or 'undated') -> events and Goldstein sum. */
  byMonth: Record<string, { events: number; goldstein: number }>;
}

export interface Network {
  nodes: { id: string; label: string; events: number }[];
  edges: NetworkEdge[];
}

export function buildNetwork(events: NetworkEvent[]): Network {
  const nodes = new Map<string, { id: string; label: string; events: number }>();
  const edges = new Map<string, NetworkEdge>();
  const node = (id: string, label: string | null | undefined) => {
    const n = nodes.get(id) ?? { id, label: label ?? id, events: 0 };
    n.events++;
    nodes.set(id, n);
  };
  for (const e of events) {
    if (!e.source || !e.target || e.source === e.target) continue;
    node(e.source, e.sourceLabel);
    node(e.target, e.targetLabel);
    const key = `${e.source}\u0000${e.target}`;
    const edge = edges.get(key) ?? { source: e.source, target: e.target, events: 0, goldstein: 0, cooperation: 0, conflict: 0, byMonth: {} };
    const g = e.goldstein ?? 0;
    edge.events++;
    edge.goldstein = Math.round((edge.goldstein + g) * 10) / 10;
    if (e.quad === 1 || e.quad === 2) edge.cooperation++;
    if (e.quad === 3 || e.quad === 4) edge.conflict++;
    const month = e.date && /^\d{4}-\d{2}/.test(e.date) ? e.date.slice(0, 7) : 'undated';
    const m = edge.byMonth[month] ?? { events: 0, goldstein: 0 };
    m.events++;
    m.goldstein = Math.round((m.goldstein + g) * 10) / 10;
    edge.byMonth[month] = m;
    edges.set(key, edge);
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)),
    edges: [...edges.values()].sort((a, b) => b.events - a.events || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
  };
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function networkToGraphml(net: Network): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="nevents" for="node" attr.name="events" attr.type="int"/>',
    '  <key id="events" for="edge" attr.name="events" attr.type="int"/>',
    '  <key id="goldstein" for="edge" attr.name="goldstein" attr.type="double"/>',
    '  <key id="cooperation" for="edge" attr.name="cooperation" attr.type="int"/>',
    '  <key id="conflict" for="edge" attr.name="conflict" attr.type="int"/>',
    '  <key id="months" for="edge" attr.name="by_month" attr.type="string"/>',
    '  <graph id="actors" edgedefault="directed">',
  ];
  for (const n of net.nodes) out.push(`    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data><data key="nevents">${n.events}</data></node>`);
  net.edges.forEach((e, i) => {
    out.push(
      `    <edge id="e${i}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="events">${e.events}</data><data key="goldstein">${e.goldstein}</data>` +
        `<data key="cooperation">${e.cooperation}</data><data key="conflict">${e.conflict}</data><data key="months">${xml(JSON.stringify(e.byMonth))}</data></edge>`,
    );
  });
  out.push('  </graph>', '</graphml>');
  return `${out.join('\n')}\n`;
}
