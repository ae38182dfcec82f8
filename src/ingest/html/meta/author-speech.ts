// The speaker of a speech page ('Rede von Bundespräsident Johannes Rau beim Föderalismuskonvent',
// 'Speech by Prime Minister Jane Doe at ...'): government and party sites publish speeches under
// the speaker's name in the headline and sign them nowhere else. Weak: used only when nothing else
// names anyone; read only when the <title> mentions a speech.
import { textOf } from './candidates.js';
import { personLike } from './names.js';
import { titlePieces } from './title.js';

const NAME = "\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:von|van|de|der|zu))?(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,3}";
/** Offices and titles between 'Rede von' and the name ('Bundespräsident', 'Prime Minister', 'Dr.'). */
const OFFICE = "(?:(?:\\p{L}*(?:präsident|minister|kanzler|sekretär|bürgermeister)(?:in)?|Bundestagspräsident(?:in)?|Staatsminister(?:in)?|Ministerpräsident(?:in)?|Prime Minister|President|Minister|Secretary|Chancellor|Mayor|Governor|Senator|Premier ministre|Présidente?|Ministre|Presidente|Ministr[oa]|M\\.|Mme|Dr\\.|Prof\\.)\\s+)*";
const SPEECH = new RegExp(`^(?:Rede|Ansprache|Grußwort|Festrede|Speech|Remarks|Address|Discours|Discurso)\\s+(?:von|des|der|by|of|de|du|del)\\s+${OFFICE}(${NAME})(?=\\s+(?:beim|bei|zum|zur|zu|vor|an|in|auf|at|on|to|before|au|à|en|ante)\\s|\\s*[:,–—-]|$)`, 'u');

/** A speech word anywhere in the <title>: pages that repeat no such word there are not read further. */
const SPEECH_WORD = /\b(?:Rede|Ansprache|Grußwort|Festrede|Speech|Remarks|Address|Discours|Discurso)\b/;

/** `headings`: the page's <h1>s, asked for only when the <title> mentions a speech. */
export function speechSpeaker(document: Document, headings: () => Element[]): string | null {
  const title = textOf(document.querySelector('title'));
  if (!SPEECH_WORD.test(title)) return null;
  const texts = [...titlePieces(title), ...headings().slice(0, 3).map((h) => textOf(h))];
  for (const t of texts) {
    const name = SPEECH.exec(t)?.[1];
    if (name && personLike(name)) return name;
  }
  return null;
}
