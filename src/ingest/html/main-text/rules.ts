// Rules of main-text extraction, as data: which tags never hold article text, which class/id
// tokens mark boilerplate (and what kind), which mark the article body, and which short lines
// are furniture rather than prose. The code in main-text-*.ts only reads these tables.
import type { BoilerplateKind } from '../../../doc/article.js';

/** Elements removed outright: code, media, widgets, page chrome. */
export const DROP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'map', 'button', 'select', 'input', 'textarea', 'option', 'dialog', 'h1', 'link', 'meta',
  'title', 'menu',
]);

/**
 * Removed only when they hold little text: some sites wrap the whole page in one of these, and a
 * lenient parser leaves the body inside `head` when the markup never closes it.
 */
export const DROP_TAGS_IF_SMALL: ReadonlySet<string> = new Set(['form', 'header', 'footer', 'aside', 'nav', 'head']);

/** Figures: their captions and credits are set aside as boilerplate. */
export const FIGURE_TAGS: ReadonlySet<string> = new Set(['figure', 'figcaption', 'picture']);

/** Inline elements: their text joins the surrounding paragraph. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'span', 'b', 'i', 'em', 'strong', 'u', 'small', 'sup', 'sub', 'abbr', 'cite', 'code', 'q',
  'time', 'mark', 'font', 's', 'strike', 'del', 'ins', 'bdi', 'bdo', 'big', 'tt', 'var', 'kbd',
  'samp', 'dfn', 'label', 'img', 'acronym', 'nobr', 'wbr',
]);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

export interface ClassRule {
  /** Tested against each class/id token (lower-cased). */
  pattern: RegExp;
  kind: BoilerplateKind;
  /** Worth keeping aside (captions, related links); otherwise dropped silently. */
  keep: boolean;
  /** Removed even when large, unless it holds the marked article body (comment threads outgrow articles). */
  guarded?: boolean;
}

/**
 * Class/id tokens of boilerplate containers. Tokens are the class names and id, lower-cased;
 * the patterns anchor on word pieces (split by - and _) so that `header` is not `ad`.
 */
export const BOILERPLATE_CLASS_RULES: readonly ClassRule[] = [
  { pattern: /caption|(^|[-_])credits?($|[-_])|photo-?credit|image-?credit|credit$|bildunterschrift|image-?description|img-?desc/, kind: 'photo-caption', keep: true },
  { pattern: /(^|[-_])(share|sharing|shares|social|sociable|addthis|shareaholic|sharethis|share-?bar|share-?tools)($|[-_])/, kind: 'share-line', keep: true },
  { pattern: /(^|[-_])(related|recommend(ed|ations)?|more-?stories|read-?more|also-?read|outbrain|taboola|trending|popular|most-?(read|viewed|popular)|further-?reading|read-?next|up-?next|recirc|you-?may-?like|dont-?miss)($|[-_])/, kind: 'related-link', keep: true },
  { pattern: /(^|[-_])(newsletter|subscribe|subscription|signup|sign-?up|promo|promotion|cta|inline-?cta|membership|donate|paywall-?promo)($|[-_])/, kind: 'newsletter-promo', keep: true },
  { pattern: /(^|[-_])(byline|author-?(bio|info|box|card)|about-?the-?author|contributor)($|[-_])/, kind: 'byline', keep: false },
  { pattern: /(^|[-_])(comments?|disqus|respond|discussion|replies|reply)($|[-_])/, kind: 'other', keep: false, guarded: true },
  { pattern: /(^|[-_])(breadcrumbs?|crumbs?|sidebar|side-?bar|widget|widgets|menu|navbar|navigation|nav|footer|masthead|toolbar|pagination|pager|tags|tag-?list|keywords|skip-?link|skiplink|cookie|consent|gdpr|modal|popup|overlay|banner|login|signin|rating|jump|tooltip|popover|rollover|hovercard)($|[-_])/, kind: 'other', keep: false },
  { pattern: /^(ad|ads|adv|advert|advertisement|adsense|adslot|ad-?slot|ad-?unit|ad-?container|ad-?wrapper|dfp|gpt|sponsor|sponsored)($|[-_\d])|[-_](ad|ads|advert|advertisement|dfp|sponsor|sponsored)($|[-_\d])/, kind: 'other', keep: false },
];

/** Whole class tokens of content that is in the page but not shown. */
export const HIDDEN_CLASS_TOKENS: ReadonlySet<string> = new Set([
  'hidden', 'hide', 'd-none', 'visually-hidden', 'visuallyhidden', 'sr-only', 'screen-reader-text', 'screenreader-only', 'offscreen',
]);

/**
 * Class tokens of page builders (Elementor, Divi, WPBakery, Gutenberg, Beaver Builder): they call
 * every content block a widget or module, so their names say nothing about boilerplate.
 */
export const BUILDER_TOKEN_PATTERN = /^(elementor-|et_pb_|vc_|wp-block-|fl-|so-widget|wpb_)/;

/** Class/id tokens of embedded posts (tweets, Instagram): quoted material, kept whatever wraps them. */
export const EMBED_CLASS_PATTERN = /(^|[-_])(tweet|twitter-tweet|instagram-media|embedded-?tweet|social-?embed)($|[-_])/;

/** Class/id tokens of the article body container (trafilatura/readability style selectors). */
export const BODY_CLASS_PATTERN =
  /^(article-?body|articlebody|article-?content|article-?text|article__body|article__content|story-?body|storybody|story-?content|story-?text|entry-?content|entry-?body|post-?content|post-?body|post-?entry|postbody|body-?text|bodytext|main-?content|content-?body|text-?body|article-?body-?text|rich-?text|c-?entry-?content|caas-?body|paywall|articlebodycontent|zn-?body-?text|l-?container)$/;

/** Class/id tokens of an article's lead paragraph (standfirst), often set apart before the body. */
export const LEAD_CLASS_PATTERN = /(^|[-_])(lead|chapo|chapeau|intro|introduction|standfirst|stand-?first|summary|excerpt|dek|deck|abstract|teaser-?text|article-?lead|lede)($|[-_])/;

/** Tokens that nudge a container up (readability's positive classes). */
export const POSITIVE_CLASS_PATTERN = /article|body|content|entry|main|page|post|story|text|blog/;

/** Tokens that nudge a container down. */
export const NEGATIVE_CLASS_PATTERN =
  /comment|combx|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|shoutbox|sidebar|sponsor|shopping|tags|tool|widget|hidden|nav|share|social|teaser|card/;

/** Month names (English, Portuguese, Spanish, French, German, Italian, Indonesian), for date lines. */
const MONTHS = [
  'jan(uary)?', 'feb(ruary)?', 'mar(ch)?', 'apr(il)?', 'may', 'june?', 'july?', 'aug(ust)?', 'sept?(ember)?', 'oct(ober)?', 'nov(ember)?', 'dec(ember)?',
  'janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro',
  'enero', 'febrero', 'marzo', 'mayo', 'junio', 'julio', 'septiembre', 'octubre', 'noviembre', 'diciembre',
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  'januar', 'februar', 'märz', 'juni', 'juli', 'oktober', 'dezember',
  'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  'januari', 'februari', 'maret', 'mei', 'agustus', 'desember',
].join('|');

/** Words a date line may hold besides numbers and month names (weekdays, connectors, zones). */
const DATE_WORDS = '(published|updated|posted|last updated|publicado|atualizado|actualizado|publié|veröffentlicht|aggiornato)( on| at| em| el| le| am)?:?|[\\p{L}]*-?(day|feira|dia|di|tag|jour)|de|del|às|a las|um|at|on|le|il|à|am|pm|a\\.m\\.|p\\.m\\.|utc|gmt|[a-z]{1,3}t|h';

/** A line that is only a date or time ("Nov. 19, 2019, 8:41 AM UTC", "sexta-feira, 22 de outubro de 2010 às 20:13"). */
// The line is made only of date pieces (tested first: prose fails at its first word), and holds a
// month name or a clock time somewhere.
export const DATE_LINE = new RegExp(
  `^(?=((${MONTHS})\\.?|${DATE_WORDS}|\\d{1,4}(st|nd|rd|th|º)?|[,.:/|\\s\\-–—•·()])+$)(?=.*(\\b(${MONTHS})\\b|\\d\\s*[ap]\\.?m\\b|\\d{1,2}[:h]\\d{2}))`,
  'iu',
);

export interface LineRule {
  pattern: RegExp;
  kind: BoilerplateKind;
}

/** Whole short paragraphs that are furniture, not prose (tested on the normalised text). */
export const FURNITURE_LINES: readonly LineRule[] = [
  { pattern: /^(advertisement|advertising|advert|sponsored( content)?|ad|story continues below( advertisement)?|continue reading( below)?|scroll to continue.*|this (slideshow|video|content) requires javascript\.?|\d* ?comments?|(leave|post|add) a (comment|reply)|tell us what you think\W*)$/i, kind: 'other' },
  { pattern: /^(copyright|©|\(c\)) .{0,200}$/i, kind: 'other' },
  // A server's error message printed into the page ("Warning: ... in /path/file.php on line 12").
  { pattern: /^(php )?(warning|notice|deprecated|fatal error|parse error|strict standards): .{0,250} on line \d+\.?$/i, kind: 'other' },
  { pattern: /^(updated|published|topics|tags|highlights|more|don'?t miss|trending|text size|explore further|iklan|anzeige|publicidad|publicidade|pubblicità|sponsored links|(image|photo|slide|picture)? ?\d+ (of|\/) \d+|\d+ ?- ?\d+ of \d+)\W*$/i, kind: 'other' },
  { pattern: /^(tempo de leitura|reading time|lesezeit|temps de lecture|tiempo de lectura|\d+ min(ute)?s? read)\b.{0,30}$/i, kind: 'other' },
  { pattern: /^((filed under|categor(y|ies)|kategorien?|categoría|catégorie|tagged( with)?|tags?|schlagwörter|posted in|topics?)\s*:.{0,100}|posted (on|by) .{0,60})$/iu, kind: 'other' },
  { pattern: /^(afp|ap|reuters|dpa|epa|imago|picture alliance|getty images)( ?[/|] ?[\p{L} .'-]+)+$|^[\p{L} .'-]{2,40}\/(getty images|afp|reuters|ap|dpa|epa|imago|shutterstock|istock)$|^crédits? photos?\s*:.{0,80}$/iu, kind: 'photo-credit' },
  { pattern: /^(?=.{0,200}$)(you are not logged in|sie sind (aktuell |derzeit )?nicht eingeloggt|bitte registrieren sie sich|never miss the latest news|for the latest (stories|news).{0,40}download|submit your letter to the editor|\(?noch keine bewertungen\)?|wir respektieren (deine|ihre) privatsphäre)/iu, kind: 'other' },
  { pattern: /^(like this (story|article|post)\?|follow (us|[^.]{0,50}) on (facebook|twitter|instagram|linkedin)\b).{0,100}$/i, kind: 'share-line' },
  { pattern: /^by \S+( \S+){0,3} [-–|] .{0,30}\d{2,4}.{0,16}$/i, kind: 'byline' },
  { pattern: /^\(?(additional )?(reporting|writing|editing|compiled|research) by\b.{0,300}$|\bcontributed (reporting|to this (report|story|article))\b.{0,60}$/i, kind: 'credit-line' },
  { pattern: /^(?=.{0,300}$).*\bfollow (us|him|her|them|@\w+|[^.]{0,40} on (twitter|facebook|instagram|linkedin))\b.{0,60}\b(twitter|facebook|instagram|linkedin)\b/i, kind: 'share-line' },
  { pattern: /^(?=.{0,300}$).*\b(sign up|subscribe)\b.{0,80}\bnewsletters?\b/i, kind: 'newsletter-promo' },
  { pattern: /^([Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor)\s+\p{Lu}[\p{L}.'’-]*( [\p{L}.'’-]+){0,5}( (and|und|et|y|e) \p{Lu}[\p{L}.'’-]*( [\p{L}.'’-]+){0,3})?$/u, kind: 'byline' },
  { pattern: DATE_LINE, kind: 'date-line' },
  // (The leading lookaheads for ' | ' and '/' are implied by each branch; they fail fast on prose.)
  { pattern: /^(?=[^|]{2,60} \| )(?=.{0,120}$)(?=.*\b(getty images|reuters|afp|ap photo|shutterstock|epa|photo|image|bloomberg)\b)[^|]{2,60}( \| [^|]{2,60}){1,3}$|^(?=[^/]{2,50}\/)(photo|image)?:? ?[\p{L} .'-]{2,40}\/(getty images|afp|reuters|ap|shutterstock|epa|istock)\b.{0,40}$/iu, kind: 'photo-credit' },
  { pattern: /^(share|share this( article| story)?|share on \w+|tweet|email|print|facebook|twitter|linkedin|whatsapp|pinterest|reddit|copy link)( ?[|·•] ?\w+)*$/i, kind: 'share-line' },
  { pattern: /^(more|other|latest|top|popular|recommended|trending)\b.{0,30}\b(stories|articles|news|posts|reads|videos)\W*$/i, kind: 'related-link' },
  // The same furniture in the other languages of the pages we meet most (de, fr, es, pt, pl).
  { pattern: /^(lesen sie (auch|mehr|hier)|auch interessant|schon gelesen|das könnte sie auch( interessieren)?|weitere (themen|artikel|beiträge|nachrichten|tourentipps)|mehr zum thema|mehr (kolumnen|artikel|news|beiträge)\b|vorschau auf den nächsten artikel|à lire aussi|lire aussi|voir aussi|leer más|lee también|te puede interesar|leia também|veja também|czytaj (też|także|więcej)|zobacz (też|także))\b.{0,80}$/iu, kind: 'related-link' },
  { pattern: /^(mit freunden teilen|artikel teilen|teilen|partager|compartir|compartilhar|udostępnij|drukuj|drucken|imprimir|imprimer)\W*$/iu, kind: 'share-line' },
  { pattern: /^(aktualisiert am|zuletzt aktualisiert|veröffentlicht am|last modified|release date|aufrufe|kommentare( insgesamt)?|beitragsbild|titelbild|über den autor|about the author|quellen ausblenden|quellenangaben|anzeige|werbung|publicité)\b.{0,60}$/iu, kind: 'other' },
  { pattern: /^(read more|related|related (stories|articles|content|coverage|links)|more on this( story)?|see also|recommended|most read|you may also like|more from [\w ]+|also read)\b.{0,120}$/i, kind: 'related-link' },
  { pattern: /^(sign up|subscribe|get (our|the) [\w ]{0,30}newsletter|newsletter)\b.{0,200}$/i, kind: 'newsletter-promo' },
  { pattern: /^(photo|image|picture|illustration|graphic)s?( credit)?:.{0,150}$|^\(?(photo|image)s? (by|courtesy of) .{0,100}$/i, kind: 'photo-credit' },
  // Subscription and membership prompts, and invitations to a messenger channel, in the other
  // languages we meet. (Unanchored searches: a leading `.*` would make each test quadratic.)
  { pattern: /\b(?:suscr[ií]bete|hazte (?:miembro|socio)|s'abonner|abonnez-vous|jetzt abonnieren|abonnieren sie|zapraszamy (?:też |także )?do (?:subskrypcji|prenumeraty)|zasubskrybuj|assine j[aá]|inscreva-se)\b|\b(?:canal|channel|kanal)(?: de| on| auf| na)? (?:telegram|whatsapp)\b/i, kind: 'newsletter-promo' },
  // Advertising disclosures: affiliate links, paid references ('We may receive compensation ...').
  { pattern: /\b(?:affiliate[- ]?links?|partner[- ]?links?|provisions[- ]?links?|references to products from .{0,40}advertisers|we may (?:receive|earn) (?:compensation|a commission))\b/i, kind: 'other' },
  // Placeholders of blocked embeds that ask for consent before loading a third party's content.
  { pattern: /^(?=.*?\b(?:twitter|youtube|instagram|facebook|tiktok|vimeo|social[- ]media|drittanbieter|third[- ]party)\b).*?\b(?:zustimmung|einverständnis|einwilligung|consent|zustimmen|stimme .{0,40}zu|verbindung .{0,40}herzustellen)\b/i, kind: 'other' },
  // A caption that ends in its credit: 'The mayor at the opening, photo: City archive'.
  { pattern: /,\s+(?:photos?|fotos?|bild)\s*:\s*[^,:]{1,80}$/i, kind: 'photo-credit' },
];
