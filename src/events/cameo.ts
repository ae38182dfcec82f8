// The CAMEO code table (labels, PLOVER category, QuadClass, Goldstein weight), built from the
// reference files by scripts/build-cameo-table.ts, and the conversions the coder applies to codes.
import { readJsonData } from '../lang/tables.js';
import type { QuadClass } from './types.js';

export interface CameoInfo {
  label: string;
  root: string;
  plover: string | null;
  quad: QuadClass;
  goldstein: number;
}

let table: Map<string, CameoInfo> | null = null;

export function cameoTable(): Map<string, CameoInfo> {
  if (!table) {
    const raw = readJsonData<Record<string, CameoInfo>>('events/data/cameo.json');
    table = new Map(Object.entries(raw));
  }
  return table;
}

export function cameoInfo(code: string): CameoInfo | null {
  return cameoTable().get(code) ?? null;
}

/**
 * PLOVER 0.5b1 category of a CAMEO code, as the PLOVER gold standard records use it (the bench
 * scheme): appeals and demands are DEMAND, disapproval and accusations DISAPPROVE, 09 INVESTIGATE,
 * 19 FIGHT; sanctions (163) stay SANCTION, property destruction (1712) COERCE, and easing
 * curfews and emergencies (0813, 0814) CONCEDE, as the gold records code them.
 */
export function ploverV05(code: string): string | null {
  const root = code.slice(0, 2);
  switch (root) {
    case '01':
      return null;
    case '02':
    case '10':
      return 'DEMAND';
    case '03':
      return 'AGREE';
    case '04':
      return 'CONSULT';
    case '05':
      return 'SUPPORT';
    case '06':
      return 'COOPERATE';
    case '07':
      return 'AID';
    case '08':
      return Number(code.slice(0, 3)) <= 83 ? 'CONCEDE' : 'RETREAT';
    case '09':
      return 'INVESTIGATE';
    case '11':
      return 'DISAPPROVE';
    case '12':
      return 'REJECT';
    case '13':
      return 'THREATEN';
    case '14':
      return 'PROTEST';
    case '15':
      return 'MOBILIZE';
    case '16':
      return 'SANCTION';
    case '17':
      return code.startsWith('175') ? 'ASSAULT' : 'COERCE';
    case '18':
    case '20':
      return 'ASSAULT';
    case '19':
      return code.startsWith('191') ? 'COERCE' : 'FIGHT';
    default:
      return null;
  }
}

/**
 * An intended or conditional action is coded as an intent (03, cooperation) or a threat (13,
 * conflict), the CAMEO convention for 'will give aid' and 'will impose sanctions'.
 */
export function intentCode(code: string): string {
  const root = Number(code.slice(0, 2));
  const three = code.slice(0, 3);
  if (root >= 4 && root <= 9) {
    if (root === 4) return '036';
    if (root === 5) return '032';
    if (root === 6) return ['061', '062', '063', '064'].includes(three) ? `031${three[2]}` : '031';
    if (root === 7) return three === '070' ? '033' : ['071', '072', '073', '074'].includes(three) ? `033${three[2]}` : '033';
    if (root === 8) {
      if (three === '084') return '0353';
      if (three === '085') return '0354';
      if (three === '086') return '0355';
      if (three === '087') return '0356';
      return '035';
    }
    return '030';
  }
  if (root === 16) return three === '163' ? '1312' : three === '161' ? '1313' : three === '166' ? '136' : '131';
  if (root === 17) return three === '172' ? '132' : ['173', '174'].includes(three) ? '132' : '130';
  if (root === 14) return '133';
  if (root === 19 && three === '191') return '1381';
  if (root >= 15) return '138';
  return code;
}

/** Preparation for force ('prepared to resume shelling') is a show of force (15). */
export function mobilizeCode(code: string): string {
  return Number(code.slice(0, 2)) >= 18 ? '150' : code;
}
