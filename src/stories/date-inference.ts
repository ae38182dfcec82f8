// Dates for undated articles from the story they share with dated ones. When a dated article
// resolves a relative expression ('on Wednesday' -> 2017-10-18) and an undated article reporting
// the same event uses the same expression, the undated one is taken to mean the same day, and its
// publication falls within the week after it. The article's other bare weekdays are then read in
// the week up to the latest day so tied ('On Monday' before a Wednesday: two days before), as news
// copy uses them. Every inference carries its evidence and is marked as inferred, never mixed with
// a published date.

export interface InferenceTime {
  text: string;
  value: string;
  resolved: boolean;
  /** Where the expression stands in the article's text. */
  start: number;
  end: number;
}

/** One of the article's expressions tied to a day. */
export interface TiedTime {
  text: string;
  value: string;
  start: number;
  end: number;
}

export interface InferenceArticle {
  id: number;
  label: string;
  published: string | null;
  times: InferenceTime[];
}

export interface InferredDate {
  articleId: number;
  /** A day ('2017-10-18') or a range ('2017-10-18..2017-10-24'). */
  value: string;
  evidence: string;
  /** The article's own relative expressions now tied to a day. */
  times: TiedTime[];
}

function normalise(t: string): string {
  return t.toLowerCase().replace(/^(on|last|this|early|late)\s+/, '').replace(/[^a-z0-9 ]/g, '').trim();
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const WEEKDAY = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The latest day on or before `day` that falls on the named weekday. */
function weekdayUpTo(day: string, weekday: string): string {
  const back = (new Date(`${day}T00:00:00Z`).getUTCDay() - WEEKDAYS.indexOf(weekday) + 7) % 7;
  return addDays(day, -back);
}

/** Infers dates for the undated articles of one event story. */
export function inferDates(articles: InferenceArticle[]): InferredDate[] {
  const dated = articles.filter((a) => a.published);
  const out: InferredDate[] = [];
  for (const u of articles) {
    if (u.published) continue;
    const tied: (TiedTime & { from: InferenceArticle })[] = [];
    for (const t of u.times) {
      if (t.resolved) continue;
      const key = normalise(t.text);
      if (!WEEKDAY.test(key) && !/^(yesterday|today|tonight|this morning|this week)$/.test(key)) continue;
      for (const d of dated) {
        const match = d.times.find((x) => x.resolved && normalise(x.text) === key && /^\d{4}-\d{2}-\d{2}$/.test(x.value));
        if (match) {
          tied.push({ text: t.text, value: match.value, start: t.start, end: t.end, from: d });
          break;
        }
      }
    }
    if (tied.length > 0) {
      const first = tied[0]!;
      // A weekday in news copy points into the past week: publication is that day or up to six days later.
      const end = WEEKDAY.test(normalise(first.text)) ? addDays(first.value, 6) : addDays(first.value, 1);
      // The other bare weekdays of the article fall in the week up to the latest day tied.
      const latest = tied.map((t) => t.value).sort().at(-1)!;
      const others = u.times
        .filter((t) => !t.resolved && WEEKDAY.test(normalise(t.text)) && !tied.some((x) => x.start === t.start))
        .map((t) => ({ text: t.text, value: weekdayUpTo(latest, normalise(t.text)), start: t.start, end: t.end }));
      out.push({
        articleId: u.id,
        value: `${first.value}..${end}`,
        evidence:
          `'${first.text}' is the same day as in ${first.from.label} (published ${first.from.published}), which dates it to ${first.value}` +
          (others.length ? `; ${others.map((o) => `'${o.text}'`).join(', ')} read in the week up to ${latest}` : ''),
        times: [...tied.map(({ text, value, start, end: e }) => ({ text, value, start, end: e })), ...others],
      });
      continue;
    }
    if (dated.length > 0) {
      const days = dated.map((d) => d.published!.slice(0, 10)).sort();
      const lo = addDays(days[0]!, -7);
      const hi = addDays(days[days.length - 1]!, 7);
      out.push({
        articleId: u.id,
        value: `${lo}..${hi}`,
        evidence: `reports the same event as ${dated.map((d) => d.label).join(', ')} (published ${days.join(', ')}); no date of its own`,
        times: [],
      });
    }
  }
  return out;
}
