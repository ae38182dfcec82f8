// Role words: titles, ranks, offices and occupations, written once for every layer that reads
// them. Each line of the table gives the sector that holding the role implies (a CAMEO actor type;
// '-' for none), where the words are read, and the words (lower case; abbreviations with their dots).
// Where they are read:
//   prefix  before a name, split from it by the entity layer, which takes the sector ('Maj. Gen.', 'Editor');
//   title   makes the name it precedes a person's, for the quote layer's speakers ('Sen. Ana Ruiz said');
//   noun    a lower-case role noun that makes the following name a person's, or heads a nominal speaker;
//   byline  a job written after a name in a byline, neither author nor outlet ('Staff Writer').
// Data, not code: extend here.

export type Sector = 'GOV' | 'MIL' | 'REB' | 'OPP' | 'COP' | 'JUD' | 'LEG' | 'MED' | 'BUS' | 'EDU' | 'REL' | 'HLH' | 'NGO' | 'IGO' | 'CVL' | 'SPY' | 'ELI';
type Use = 'prefix' | 'title' | 'noun' | 'byline';

const TABLE = `
-   byline                    contributor photographer senior bureau special associate managing political
                              diplomatic affairs intern fellow contributing
-   noun,byline               analyst writer
-   noun                      official diplomat dietitian nutritionist physician doctor nurse researcher author
                              expert engineer scientist economist member manager player artist journalist activist
                              resident student teacher candidate
-   title                     cpl. pvt. amb. princess
BUS prefix                    executive
BUS prefix,noun               ceo chairman chairwoman founder owner
COP prefix,noun               detective sheriff officer
COP prefix                    police inspector trooper agent
CVL prefix,byline             producer
CVL prefix,noun               coach director
CVL prefix                    quarterback qb rb wr receiver linebacker cornerback halfback fullback tailback
                              lineman kicker punter pitcher shortstop outfielder striker midfielder goalkeeper
                              goalie boxer heavyweight champion rookie actor actress singer rapper comedian inmate
                              suspect
EDU prefix,title,noun         professor
EDU prefix,title              prof.
ELI prefix                    sir lord lady
ELI prefix,title              dr. mr. mrs. ms. mr mrs ms dr
GOV prefix,byline             staff defense defence
GOV prefix,noun               leader envoy spokesperson adviser advisor head
GOV prefix                    supreme foreign interior finance national security state pres. sec. commissioner
                              assistant interim acting former
# Joining words inside a role ('Chief of Staff', 'Minister of Defense').
GOV prefix                    of the for and
GOV prefix,title,byline       deputy
GOV prefix,title,noun,byline  chief
GOV prefix,title,noun         president minister secretary premier ambassador spokesman spokeswoman governor mayor
GOV prefix,title              vice prime chancellor king queen prince crown emir sheikh gov.
JUD prefix,noun               attorney lawyer
JUD prefix                    prosecutor
JUD prefix,title              judge justice
LEG prefix                    mp councillor councilor alderman assemblyman assemblywoman congressman congresswoman
LEG prefix,noun               lawmaker councilman councilwoman
LEG prefix,title,noun         senator
LEG prefix,title              sen. rep. representative speaker
MED prefix                    anchor
MED prefix,byline             columnist
MED prefix,noun,byline        editor reporter correspondent
MIL prefix,byline             military
MIL prefix                    marshal field rear army armed forces corps
MIL prefix,title              gen. maj. major lt. lieutenant col. colonel brig. brigadier adm. admiral capt.
                              captain sgt. sergeant cmdr.
MIL prefix,title,noun         general commander
REL prefix                    cardinal archbishop bishop cleric
REL prefix,title              ayatollah pope rabbi imam rev.
`;

interface RoleWord {
  word: string;
  sector: Sector | null;
  uses: ReadonlySet<Use>;
}

function readTable(table: string): RoleWord[] {
  const out: RoleWord[] = [];
  let current: { sector: Sector | null; uses: Set<Use> } | null = null;
  for (const line of table.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    // A line that starts with a space continues the words of the line above.
    if (!/^\s/.test(line)) {
      const [sector, uses] = line.trim().split(/\s+/, 2) as [string, string];
      current = { sector: sector === '-' ? null : (sector as Sector), uses: new Set(uses.split(',') as Use[]) };
    }
    const words = /^\s/.test(line) ? line.trim().split(/\s+/) : line.trim().split(/\s+/).slice(2);
    for (const word of words) out.push({ word, sector: current!.sector, uses: current!.uses });
  }
  return out;
}

const ROLES = readTable(TABLE);
const wordsFor = (use: Use): Set<string> => new Set(ROLES.filter((r) => r.uses.has(use)).map((r) => r.word));

/** Words the entity layer splits from a name it precedes, with the sector they imply. */
export const ROLE_PREFIXES: ReadonlyMap<string, Sector> = new Map(
  ROLES.filter((r) => r.uses.has('prefix')).map((r) => {
    if (!r.sector) throw new Error(`role word '${r.word}' is read before names but has no sector`);
    return [r.word, r.sector];
  }),
);
/** Title words and abbreviations: a name carrying one is a person's ('Maj. Gen. Ana Ruiz'). */
export const TITLES: ReadonlySet<string> = wordsFor('title');
/** Lower-case role words that make the following name a person's ('defense minister Ana Ruiz'). */
export const ROLE_NOUNS: ReadonlySet<string> = wordsFor('noun');
/** Job titles that follow a name in a byline and are neither author nor outlet. */
export const BYLINE_JOBS: ReadonlySet<string> = wordsFor('byline');
