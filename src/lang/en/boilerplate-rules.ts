// In-text boilerplate rules, as data. Each rule names itself and the kind of boilerplate it finds;
// the engine in boilerplate.ts applies them line by line. Rules stay conservative: a body
// sentence wrongly removed is worse than a promo left in, so every pattern is anchored to the
// whole line, bounded in length, and backed by a shape check where a sentence could look alike.
import type { BoilerplateKind } from '../../doc/article.js';

/** Shape checks the engine knows how to run (see boilerplate.ts). */
export type ShapeCheck =
  /** The `rest` group reads as a headline: capitalised, 3+ words, one clause, no final period. */
  | 'headline-rest'
  /** The line does not end as a sentence (no final . ! ? before closing quotes). */
  | 'not-sentence'
  /** The line holds one sentence at most. */
  | 'single-sentence'
  /** The line holds no reported speech (`said`, a closed quotation). */
  | 'no-speech'
  /** At least three words, opening with a capital: a phrase, not a number or a fragment. */
  | 'phrase'
  /** byline.ts reads it as a byline / credit line / source line. */
  | 'byline'
  | 'credit-line'
  | 'source-line';

export interface LineRule {
  name: string;
  kind: BoilerplateKind;
  /** Tested against the trimmed line. */
  pattern: RegExp;
  /** Longest line the rule may remove: boilerplate is short. */
  maxLength: number;
  checks?: ShapeCheck[];
}

/** A rule that removes a line because the line just below or above it was removed as one of `nextTo`. */
export interface NeighbourRule {
  name: string;
  kind: BoilerplateKind;
  nextTo: BoilerplateKind[];
  /** Where the removed neighbour sits relative to the line. */
  neighbour: 'below' | 'above';
  maxLength: number;
  checks: ShapeCheck[];
}

/** Photo and wire agencies, as they appear in credits and datelines. */
export const AGENCIES: ReadonlySet<string> = new Set([
  'AP', 'AFP', 'Reuters', 'REUTERS', 'Getty', 'Getty Images', 'EPA', 'EPA-EFE', 'EFE', 'Bloomberg', 'Shutterstock', 'iStock',
  'iStockphoto', 'Flash90', 'Flash 90', 'Anadolu', 'Anadolu Agency', 'Xinhua', 'TASS', 'Sputnik', 'SANA', 'IRNA', 'Tasnim',
  'Fars', 'WANA', 'Alamy', 'Corbis', 'NurPhoto', 'SOPA Images', 'ZUMA', 'ZUMA Press', 'Pool', 'POOL', 'Handout', 'Wikimedia Commons',
  'Wikimedia', 'Unsplash', 'UPI', 'DPA', 'dpa', 'Kyodo', 'Yonhap', 'PA', 'PA Images', 'PA Wire', 'ANP', 'Polaris', 'Redux',
  'Abaca', 'Sipa', 'SIPA', 'GPO', 'Associated Press', 'The Associated Press', 'Agence France-Presse', 'Agence France Presse',
  'ANSA', 'Imago', 'Keystone', 'Belga', 'NTB', 'TT', 'Ritzau', 'Lusa', 'Yomiuri', 'Jiji', 'CNA', 'Bernama', 'Antara', 'WAFA',
  'Mehr', 'ISNA', 'Press TV', 'Al Jazeera', 'Sepah News', 'Khamenei.ir', 'Courtesy', 'Screenshot', 'Screengrab', 'Twitter',
  'YouTube', 'Facebook', 'Instagram', 'Telegram',
]);

/** Words that make a name an outlet's ('World Israel News', 'The Daily Star'). */
export const OUTLET_WORDS: ReadonlySet<string> = new Set([
  'news', 'times', 'post', 'press', 'agency', 'journal', 'daily', 'herald', 'tribune', 'gazette', 'telegraph', 'guardian',
  'observer', 'chronicle', 'examiner', 'inquirer', 'mail', 'express', 'star', 'sun', 'mirror', 'independent', 'wire',
  'network', 'tv', 'television', 'radio', 'broadcasting', 'magazine', 'weekly', 'monitor', 'review', 'report', 'media',
  'newspaper', 'insider', 'today', 'bulletin', 'dispatch', 'register', 'standard', 'reporter', 'online', 'service',
  'services', 'bureau', 'desk', 'staff', 'correspondent', 'correspondents',
]);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const AGENCY = `(?:${[...AGENCIES].sort((a, b) => b.length - a.length).map(escape).join('|')})`;
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\s*,?\\s+)?';
const DATE = `${WEEKDAY}(?:\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2}\\s*,?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}|\\d{1,2}/\\d{1,2}/\\d{2,4})`;
const NAME = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}";
const SOCIAL = '(?:facebook|twitter|x|instagram|telegram|youtube|linkedin|tiktok|whatsapp|threads|bluesky|google news|flipboard|reddit|social media)';
const SHARE_WORDS = `(?:share|shares|sharing|this|article|story|post|page|on|via|with|${SOCIAL.slice(3, -1)}|email|e-mail|print|copy|link|tweet|pin|save|comments?|messenger|sms)`;
const RELATED_LABEL = "(?:read more|read also|also read|see also|related|related articles?|related stories|related coverage|related content|related reading|more on this(?: story| topic)?|recommended(?: reading| stories)?|further reading|you may also like|you might also like|editor'?s picks?|most read|trending)";

/** Line rules, tried in order; the first that matches a line removes it. */
export const LINE_RULES: readonly LineRule[] = [
  // Dates and bylines that head the text.
  { name: 'date-line:labelled', kind: 'date-line', pattern: new RegExp(`^(?:date|published|posted|updated|last updated|first published)(?:\\s+on)?\\s*:?\\s*${DATE}(?:,?\\s*(?:at\\s*)?\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?\\.?$`, 'iu'), maxLength: 80 },
  { name: 'date-line:bare', kind: 'date-line', pattern: new RegExp(`^${DATE}(?:\\s*,?\\s*(?:at\\s*)?\\d{1,2}\\s*:\\s*\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?\\.?$`, 'iu'), maxLength: 60 },
  { name: 'byline:by-name', kind: 'byline', pattern: /^(?:By|BY)[:\s]/u, maxLength: 150, checks: ['byline'] },
  { name: 'credit-line:contributed', kind: 'credit-line', pattern: /\bcontributed\b/iu, maxLength: 200, checks: ['credit-line'] },
  { name: 'credit-line:reporting-by', kind: 'credit-line', pattern: /^\(?(?:additional\s+)?(?:reporting|writing|written)\s+by\s/iu, maxLength: 250, checks: ['credit-line'] },
  { name: 'source-line:retrieved-from', kind: 'source-line', pattern: /https?:\/\/\S+$/iu, maxLength: 400, checks: ['source-line'] },
  { name: 'source-line:originally-published', kind: 'source-line', pattern: /^(?:this|the)\s+(?:article|story|piece|post|report)\s+(?:was|is)\s+(?:originally|first)\s+published\s+(?:on|in|by|at)\s+\S.*$/iu, maxLength: 200, checks: ['no-speech'] },
  // Newsletter and subscription calls.
  { name: 'newsletter-promo:sign-up-call', kind: 'newsletter-promo', pattern: /^(?:get|receive|sign up|subscribe|want|never miss|don'?t miss|stay (?:informed|updated|up to date)|join|enter your e-?mail)\b.*\b(?:newsletters?|by e-?mail|inbox|daily edition|digest|briefing|sign up|subscribe)\b/iu, maxLength: 250, checks: ['no-speech'] },
  { name: 'newsletter-promo:ends-sign-up', kind: 'newsletter-promo', pattern: /\b(?:newsletters?|by e-?mail|inbox)\b.*\b(?:sign up|subscribe)(?:\s+(?:now|today|here|for free))?[.!]?$/iu, maxLength: 250, checks: ['no-speech'] },
  { name: 'newsletter-promo:bare', kind: 'newsletter-promo', pattern: /^(?:subscribe|sign up|sign in to subscribe)(?:\s+(?:now|today|here|for free))?[.!]?$/iu, maxLength: 40 },
  // Links to other articles.
  { name: 'related-link:label', kind: 'related-link', pattern: new RegExp(`^${RELATED_LABEL}\\s*(?:[:\\-–—|>»]|$)`, 'iu'), maxLength: 250, checks: ['no-speech'] },
  { name: 'related-link:more-caps', kind: 'related-link', pattern: /^MORE:\s+\S/u, maxLength: 250, checks: ['no-speech'] },
  { name: 'related-link:read-headline', kind: 'related-link', pattern: /^(?:Read|READ|Watch|WATCH)\s*[:\-–—|]?\s+(?<rest>.+)$/u, maxLength: 220, checks: ['headline-rest'] },
  { name: 'teaser:chevrons', kind: 'teaser', pattern: /^(?:>>|»)\s*(?<rest>[^«]+?)\s*(?:>>|»)?$/u, maxLength: 250, checks: ['headline-rest'] },
  // Photo credits and captions.
  { name: 'photo-caption:labelled', kind: 'photo-caption', pattern: /^(?:image caption|photo caption|caption)\s*[:\s]\s*\S/iu, maxLength: 300, checks: ['no-speech'] },
  { name: 'photo-credit:labelled', kind: 'photo-credit', pattern: /^\(?(?:(?:photo|image|picture)\s+(?:copyright|credit)|photo|photos|photograph|image|images|picture|pictures|pic|credit|illustration|illustrative photo|file photo|foto|bild)\s*(?::|\bby\b|©)\s*\S.*$/iu, maxLength: 120, checks: ['not-sentence', 'no-speech'] },
  { name: 'photo-credit:name-slash-agency', kind: 'photo-credit', pattern: new RegExp(`^\\(?(?:${NAME}\\s*/\\s*${AGENCY}(?:\\s+(?:photo|images|pictures))?|${AGENCY}(?:\\s+photo)?\\s*/\\s*${NAME})(?:\\s+via\\s+${AGENCY})?(?:,\\s*file)?\\)?$`, 'iu'), maxLength: 100 },
  { name: 'photo-credit:agency-alone', kind: 'photo-credit', pattern: new RegExp(`^\\(?(?:${AGENCY})(?:\\s+(?:photo|file photo|images?|pictures?|via\\s+${AGENCY}))?\\)?\\.?$`, 'iu'), maxLength: 60 },
  { name: 'photo-caption:place-date', kind: 'photo-caption', pattern: new RegExp(`\\b(?:in|at|near|outside|inside|during|on)\\s+\\p{Lu}[^,]{0,60}(?:,\\s+\\p{Lu}[^,]{0,40})?,\\s+(?:${MONTH}\\s+\\d{1,2},\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4})\\.?$`, 'u'), maxLength: 300, checks: ['single-sentence', 'no-speech'] },
  { name: 'photo-caption:inline-credit', kind: 'photo-caption', pattern: new RegExp(`^.{10,}\\((?:${AGENCY}\\s*(?:photo)?\\s*/\\s*[^()]{2,60}|(?:photo|image|credit|photo credit)\\s*:\\s*[^()]{2,60}|[^()]{0,40}\\bvia\\s+${AGENCY})\\)\\.?$`, 'iu'), maxLength: 400 },
  // Sharing and page furniture.
  { name: 'share-line:buttons', kind: 'share-line', pattern: new RegExp(`^(?:${SHARE_WORDS}[\\s|/·•,:-]*){1,12}$`, 'iu'), maxLength: 100 },
  { name: 'share-line:follow-us', kind: 'share-line', pattern: new RegExp(`^(?:follow|like|join|find)\\s+(?:us|@\\w+|\\p{Lu}[\\p{L} ]{0,30})\\s+on\\s+${SOCIAL}\\b`, 'iu'), maxLength: 160, checks: ['no-speech'] },
  { name: 'other:advertisement', kind: 'other', pattern: /^(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below| the main story)?|scroll to continue(?: with content)?|article continues below(?: advertisement)?)\.?$/iu, maxLength: 60 },
  { name: 'other:copyright-notice', kind: 'other', pattern: /^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\d{4})).*\b(?:all rights reserved|may not be (?:published|reproduced|redistributed))\b.{0,80}$/iu, maxLength: 250, checks: ['no-speech'] },
  { name: 'other:copyright-short', kind: 'other', pattern: /^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\d{4}))/iu, maxLength: 60, checks: ['single-sentence', 'no-speech'] },
];

/** Context rules, applied after the line rules. */
export const NEIGHBOUR_RULES: readonly NeighbourRule[] = [
  // A short phrase that is not a sentence, directly above a photo credit, is its caption. (Below a
  // credit sits the body's next line too often, e.g. where a link broke a sentence into lines.)
  { name: 'photo-caption:above-credit', kind: 'photo-caption', nextTo: ['photo-credit'], neighbour: 'below', maxLength: 200, checks: ['not-sentence', 'no-speech', 'phrase'] },
];
