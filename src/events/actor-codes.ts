// CAMEO actor codes for mentions: country (ISO3) plus sector, from the resolved entity, or for a
// country mention from the noun it modifies ('Syrian army' -> SYRMIL, 'Iranian officials' -> IRNGOV).
import type { LocalEntity, Mention } from '../entities/types.js';

const HEAD_SECTOR: [RegExp, string][] = [
  [/^\s*(?:['’]s\s+)?(?:armed\s+forces|army|military|troops|soldiers|forces|air\s+force|navy|defen[cs]e\s+forces|generals?|commanders?)\b/i, 'MIL'],
  [/^\s*(?:['’]s\s+)?(?:government|officials?|ministers?|ministry|president|leaders?|leadership|authorities|diplomats?|cabinet|envoys?|regime)\b/i, 'GOV'],
  [/^\s*(?:['’]s\s+)?(?:rebels?|insurgents?|militants?|guerrillas?|militias?)\b/i, 'REB'],
  [/^\s*(?:['’]s\s+)?(?:police|security\s+forces)\b/i, 'COP'],
  [/^\s*(?:['’]s\s+)?(?:media|state\s+(?:media|television|tv)|news\s+agency|television|press)\b/i, 'MED'],
  [/^\s*(?:['’]s\s+)?(?:opposition)\b/i, 'OPP'],
  [/^\s*(?:['’]s\s+)?(?:civilians?|people|residents|protesters|citizens)\b/i, 'CVL'],
  [/^\s*(?:['’]s\s+)?(?:parliament|lawmakers|legislat\w+)\b/i, 'LEG'],
  [/^\s*(?:['’]s\s+)?(?:courts?|judges?|judiciary|prosecutors?)\b/i, 'JUD'],
  [/^\s*(?:['’]s\s+)?(?:businesses|companies|firms?)\b/i, 'BUS'],
];

export function actorCode(m: Mention, e: LocalEntity | undefined, text: string): string | null {
  const country = e?.country ?? null;
  if (!country) return null;
  if (m.type === 'GPE' || m.type === 'NORP') {
    const after = text.slice(m.end, m.end + 40);
    for (const [re, sector] of HEAD_SECTOR) if (re.test(after)) return `${country}${sector}`;
    // A capital or epithet used as an actor stands for the government.
    return m.metonymy ? `${country}GOV` : country;
  }
  return `${country}${e?.sector ?? ''}`;
}
