// Word lists the quote layer reads: speech verbs, the adverbials that may sit between a speaker and
// its verb, the heads of nominal speakers ('the broadcaster'), titles that make a name a person's,
// and the capitalised words that start sentences without being names. Data, not code: extend here.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Verbs that report speech, in every form a news sentence uses them. */
export const SPEECH_VERBS = words(`
  said says say saying told tells tell added adds stressed stresses warned warns vowed vows insisted insists
  declared declares stated states noted notes explained explains asserted asserts claimed claims announced
  announces argued argues wrote writes tweeted posted reported reports continued concluded affirmed affirms
  emphasized emphasizes emphasised emphasises pledged pledges promised promises threatened threatens charged
  complained acknowledged admitted replied replies responded remarked urged urges asked demanded reiterated
  reiterates observed suggested confirmed confirms denied cautioned recalled boasted predicted maintained
  contended countered quipped commented mentioned underlined underscored remembers remembered recalls suggests
  responds concedes conceded acknowledges admits complains insist predicts wrote announced
`);

/** Words between a speaker and its verb that do not break the link ('Bagheri on Wednesday said'). */
export const ADVERBIALS = words(`
  also later then again further earlier previously today yesterday tonight reportedly separately repeatedly once
  has have had was were is are would will had on last this late early
  monday tuesday wednesday thursday friday saturday sunday
`);

export const WEEKDAYS_AND_MONTHS = words(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
`);

/** Heads of nominal speakers: 'an Iranian military spokesman', 'state television', 'the two'. */
export const NOMINAL_HEADS = words(`
  broadcaster broadcasters spokesman spokeswoman spokesperson spokesmen statement official officials agency ministry
  television tv media minister commander source sources report reports newspaper paper daily channel army military
  government office president leader leaders general analyst analysts diplomat diplomats envoy embassy police witness
  witnesses website site outlet outlets radio presidency cabinet sides two parties allies group militants rebels
  authorities authority observatory organization organisation court founder lawyer attorney expert professor
  researcher director executive chairman chairwoman ceo resident residents worker workers student teacher doctor
  activist activists scientist economist officer investigator prosecutor prosecutors judge mayor governor senator
  lawmaker lawmakers chancellor premier secretary adviser advisor coordinator manager owner man woman
`);

/** Heads that are documents rather than people: their cue is a 'statement' cue. */
export const STATEMENT_HEADS = words('statement report communique communiqué declaration letter');

/** Determiners that open a nominal speaker. */
export const DETERMINERS = words('the a an its his her their our one both several some many two three');

/** Words that may join capitalised words inside one name ('Chief of Staff', 'Fahd Jasem al-Freij'). */
export const NAME_CONNECTORS = words('of al el bin ibn bint abu de da du des dos das van von der den ter ten la le di y');

/** Capitalised words that make a name an organisation's, not a person's. */
export const ORG_WORDS = words(`
  agency ministry forces force army navy council news television tv media website office party group organization
  organisation committee corps guard guards republic state states union nations company bank times post press
  service services department government university institute center centre association network radio kremlin
  house court parliament assembly observatory front movement brigade brigades command clinic hospital foundation
  school college museum society fund commission board institution inc corp ltd llc
`);

/** Capitalised words that start a sentence or clause without being part of a name. */
export const NOT_NAME_START = words(`
  the a an on in at by for from to with after before during when while if as but and or so yet however meanwhile
  this that these those it he she they we i you his her their its our my your there here then still also
  according read earlier later last
`);

/** Pronoun speakers, resolved to an earlier speaker or person. */
export const PERSON_PRONOUNS = words('he she');
export const PRONOUNS = words('he she they it we');
