"""The question router: what kind of answer, about which film, on what aspect.

Rules are about how people ask about films ("how long" wants a duration,
"who composed" a person found near "music"/"score"), never about any one film.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..corpus.films import normalise_title
from ..models import AnswerType, Route
from ..retriever.analysis import STOP_WORDS, analyse, words
from .knowledge import Knowledge

T = AnswerType

# "what did he do before acting?", "what was her job before she became an actress?": a former job, no film or part
FORMER_JOB_ASKED = re.compile(r"^(?:and\s+)?what\b.*\b(?:do|did|job|work|career|occupation|profession)\b.*\bbefore\s+(?:[a-z]+ing|he|she|they|films|movies|fame)\b", re.I)

IDEA_ASKED = re.compile(r"\b(?:where|how)\b.*\b(?:idea|ideas|inspiration|concept|premise)\b.*\b(?:from|get|got|find|found|originate[sd]?|come up|came up)\b"
                        r"|\b(?:where|how)\b.*\b(?:get|got|find|found|come up with|came up with)\b.*\b(?:idea|ideas|inspiration|concept|premise)\b", re.I)

# (pattern, type): first match wins. Patterns see the lower-cased question.
_TYPE_RULES: list[tuple[str, AnswerType]] = [
    # "where did the idea come from?", "where did he get the idea for it?": an origin, told as a reason is, not a place
    (r"\bwhy\b|\breason\b|\bhow come\b|\bwhat made\b|\bmotivat|" + IDEA_ASKED.pattern, T.REASON),
    (r"^(?:and\s+)?(?:is|was|were|are|did|does|do|has|had|have|can|could|will|would|should)\b", T.YESNO),
    # "what does the Rotten Tomatoes consensus say?": the critics' words, not a score; "what kind of music did he
    # ask for?": a description, not the composer
    (r"\bconsensus\b|\bwhat (?:kind|kinds|type|types|sort) of\b|" + FORMER_JOB_ASKED.pattern, T.DESCRIPTION),
    # a work asked for by what it is to another: "what story is it based on?", "what is the score a remix of?",
    # "which Schwarzenegger film did its gross match?", "what else has she directed?", "where did he play a Russian again?"
    (r"^(?:and\s+)?(?:what|which)\s+(?:[\w'’-]+\s+){0,2}?(?:story|book|novel|novella|play|comic|manga|article|poem|song|game|show|source|work)\b.*\b(?:based|adapted|inspired|drawn|taken|derived)\b"
     r"|^(?:and\s+)?what\s+(?:is|was|are|were)\b.*\b(?:an?|the)\s+(?:[\w'’]+[\s-])?(?:remake|remix|adaptation|sequel|prequel|spin-?off|version|copy|parody|spoof|homage|reboot|retelling|rip-?off|imitation|knock-?off)\s+of\s*\W*$"
     r"|^(?:and\s+)?(?:which|what)\s+(?:(?!(?:from|of|in|for|with|by|on|at|about|is|was|were|are|did|does|do|has|had)\b)[\w'’-]+\s+){0,4}?(?:film|movie|picture)\b(?!\s+(?:company|studio|genre|festival|critics?|score|rating|awards?|editor|director|composer|music|industry|school|fund|magazine|rights|format|crew|set|version)\b)"
     r"|^(?:and\s+)?what\s+(?:else\s+)?(?:has|have|had|did|does|do)\s+(?:[\w'’.-]+\s+){1,4}?(?:direct|scor|compos|produc|star|appear|act)(?:ed|e|s)?(?:\s+in)?\s+(?:(?:after|before|next|later|since|earlier|previously|then)\b.*)?\W*$"
     r"|^(?:and\s+)?where\b(?=.*\b(?:play|appear|star|act|seen|see)\w*\b)(?=.*\b(?:else|again|before|later|previously|earlier)\b)", T.TITLE),
    (r"\b(?:who|which \w+)\b.*\b(?:writers?|producers?|screenwriters?|cast|actors|stars|starred|supporting|in the film)\b.*\b(?:all|were|are)\b"
     r"|\blist\b.*\b(?:all|the)\b|^(?:please\s+|can you\s+|could you\s+)?name\b.*\b(?:all|the)\b|\bname (?:all|every)\b|\bwho (?:were|are) (?:the|all)\b|\bwho else\b|\bwhich actors\b|\bwho(?:'s|’s| is| was| were| are)? in\b|\bwho (?:stars|starred|appears|appeared) in\b|\bwho starred\b|\bwhat other (?:actors|films|movies)\b"
     r"|\b(?:which|what)\s+(?:other\s+)?(?!(?:is|was|has|does|goes|says|means|happens|makes|causes|plays|gets|takes|its|this|his|hers|ones|else)\b)[a-z]{2,}[^s\W]s\b"
     # "on which home media formats ...": a plural after a modifier or two
     r"|^(?:on|in|under|from|at|for)\s+(?:which|what)\s+(?:[a-z]+\s+){1,2}[a-z]{2,}[^s\W]s\b", T.LIST),
    # "what did he make before it?", "what did Harlin direct next?": another film of the person's
    (r"^(?:and\s+)?what\s+(?:else\s+)?(?:did|has|had|does)\s+[\w'’ .-]+?\s+(?:make|direct|film|shoot|write|star in|do)\s+"
     r"(?:before|after|next|previously|earlier|later|afterwards)\b", T.TITLE),
    (r"\bhow long\b|\bruntime\b|\brun ?time\b|\brunning time\b|\bduration\b|\bhow many minutes\b|\blength of\b", T.DURATION),
    (r"\bhow much\b|\bbudget\b|\bgross(?:ed)?\b|\bbox[- ]office (?:take|total|earnings|gross)\b|\bearn(?:ed|ings)?\b|\bcost\b|\bsalary\b|\bpaid\b|\brevenue\b|\bmake\b.*\bmoney\b", T.MONEY),
    (r"\bwho(?:'s|’s| is| was| will be)? distribut\w*\b|\bwhere (?:can|could|do|does|to|should) (?:i |we |you |one )?(?:stream|watch|rent|buy)\b|\bwhat (?:studio|company|companies|distributor|label|publisher)\b|\bwhich (?:studio|company|distributor|label|publisher)\b"
     # "which polling firm gave it a B?", "what website rated it 7/10?": the one who gave the grade, not the grade
     r"|\b(?:which|what) (?:[a-z]+ )?(?:firm|company|agency|organi[sz]ation|outlet|website|site|publication|newspaper|magazine)\b(?! (?:is|was|are|were|does|do|did)\b)|\b(?:studio|distributor|production company|publisher)\b", T.ORGANISATION),
    # "what is it rated?", "what certificate did it get?", "MPAA rating": an age rating
    (r"\brated\s*(?:in\b[^?]*)?\??\s*$|\bage rating\b|\bcertificat|\bmpaa\b|\bbbfc\b|\bparental (?:rating|guidance)\b|\bcontent rating\b", T.SCORE),
    (r"\brotten tomatoes\b|\bcinemascore\b|\b(?:did|does|do)\b.+\brate\b|\bmetacritic\b|\bimdb\b|\brating\b|\bgrade\b|\bscore did\b|\bscored\b.*\b(?:out of|on)\b|\bpercent\b|\bout of (?:10|ten|5|five)\b|\bstars? did\b", T.SCORE),
    (r"\bwho\b|\bwhom\b|\bwhose\b|\bwhich (?:actor|actress|director|composer|writer|producer|cinematographer|editor|person|character)\b|\bname of the (?:actor|director|composer|character)\b", T.PERSON),
    # "What is the name of Ridzik's dog?", "what was his partner's name?": a name asked for (not a film's or a place's)
    (r"\bwhat(?:'s|’s| is| was| were) (?:the )?names? of (?!(?:the |a |this |that |his |her |its )?(?:film|movie|sequel|book|novel|song|album|band|show|series|episode|town|city|country|place|location|street|bar|club|restaurant|studio|company)\b)"
     r"|\bwhat(?:'s|’s| is| was) (?:[\w'’]+['’]s|his|her|their) (?!(?:first|last|full|middle|real|maiden|nick) ?name)(?:[\w'’]+ )?name\b", T.PERSON),
    (r"\bwhat year\b|\bwhich year\b|\bin what year\b|\byear\b", T.YEAR),
    (r"\bwhen\b|\bwhat date\b|\brelease date\b|\bpremiere date\b|\bdate\b", T.DATE),
    (r"\bwhere\b|\bwhat (?:city|country|location|place)\b|\bwhich (?:city|country|location|place)\b|\blocation\b|\bfilmed in\b", T.PLACE),
    (r"\bhow many\b|\bnumber of\b|\bhow tall\b|\bhow old\b|\bheight\b", T.NUMBER),
    (r"\bwhat (?:film|movie|picture|other films?|else)\b|\bwhich (?:film|movie)\b|\btitle\b|\bcalled\b|\btitled\b", T.TITLE),
    (r"\bdirector\b|\bcomposer\b|\bcinematographer\b|\bscreenwriter\b|\bactor\b|\bactress\b|\bstar\b|\bplayed\b|\bdirected\b|\bcomposed\b", T.PERSON),
    (r"\bmusic\b|\bsoundtrack\b", T.PERSON),
    (r"\bcinemascore\b|\btomatoes\b|\bscore\b", T.SCORE),
]

# aspect -> (cue pattern, expansion words, infobox keys). Order matters: the first
# aspect found is the question's, so specific crafts come before "direct"/"shot".
ASPECTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "runtime": (r"\bhow long is\b|\bhow long does\b|\bruntime|\brun ?time|\brunning time|\bhow many minutes|\blength of the (?:film|movie)|\bruns? for\b", "runtime minutes running min", ("runtime", "running time")),
    "budget": (r"\bbudget|\bcost\b|\bcosts\b", "budget production", ("budget",)),
    "box office": (r"\bgross|\bbox[- ]office|\bearn|\brevenue|\bcommercial|\bsuccess|\bhit\b|\bflop|\bmoney|\bhow much did .* make\b|\btakings\b", "gross box office grossed earned", ("gross", "box office")),
    "certificate": (r"\brated\s*(?:in\b[^?]*)?\??\s*$|\bage rating|\bcertificat|\bmpaa\b|\bmpa rating|\bbbfc\b|\bparental (?:rating|guidance)|\bcontent rating",
                    "rated rating certificate mpaa bbfc", ("rating", "certificate", "mpaa rating", "mpa rating", "age rating", "cert", "rated")),
    "reception": (r"\bcritic|\breview|\brotten|\btomatoes|\brating|\breception|\bcinemascore|\bgrade|\bconsensus|\bmetacritic|\baudiences? (?:polled|gave)", "critics reviews rating reception", ()),
    "home media": (r"\bstream|\bdvd|\bblu-?ray|\bvhs|\bhome (?:media|video|release)|\bcassette|\blaserdisc|\bvideo release|\bon video\b", "dvd blu ray vhs home media release stream streaming", ()),
    "casting": (r"\bcasting\b", "casting", ("casting",)),
    "costume": (r"\bcostume", "costume designer", ("costume", "costume design", "costumes")),
    # "who was the art director / production designer?": the look of the film, not its direction or production
    "design": (r"\bproduction design|\bset design|\bart direct|\bart department", "production design designer art direction sets",
               ("production design", "production designer", "art direction", "art director", "set design")),
    "music": (r"\bmusic|\bscore\b|\bscored\b|\bcompos|\bsoundtrack", "music score composer composed", ("music", "music by", "composer")),
    "cinematography": (r"\bcinematograph|\bphotograph|\bcamera|\blensed|\bdp\b", "cinematography photography", ("cinematography",)),
    "editing": (r"\bedit(?:or|ed|ing)\b", "editing editor edited", ("editing", "edited by", "editor")),
    "source": (r"\bnovel|\bbook\b|\bbased on\b|\badapted from\b|\bsource material|\bnovelist|\bauthor\b|\bmemoir|\bplay\b.*\badapted", "novel book based adapted author", ("based on",)),
    "writing": (r"\bwr[io]te|\bwritten|\bwriters?\b|\bscript|\bscreenplay|\bpenned|\bscreenwriter", "screenplay writers script written", ("screenplay", "writer", "written by", "story", "writers")),
    "direction": (r"\bdirect|\bhelm", "directed director", ("director", "directed by")),
    "distribution": (r"\bdistribut", "distributed distributor", ("distributor", "distributed by")),
    "studio": (r"\bstudio|\bcompany|\bproduction compan", "studio pictures company production", ("studio", "production company", "production companies")),
    "release": (r"\breleas|\bpremier|\bopen(?:ed)?\b|\bcame out\b|\bcome out\b", "released release premiere", ("released", "release date", "release")),
    "filming": (r"\bshot\b|\bfilm(?:ed|ing)\b|\blocations?\b|\bshoot(?:ing)?\b|\bphotography\b", "filmed shot location filming shooting photography photographed", ("location", "locations", "filming locations")),
    "production": (r"\bproduc(?:er|ed|tion)(?!\s+design)", "produced producer production", ("producer", "produced by")),
    "cast": (r"\bplay(?:ed|s)?\b|\brole|\bactor|\bactress|\bstar(?:red|s|ring)?\b|\bcast\b|\bcharacter|\bportray|\bvoic(?:e|es|ed|ing)\b", "cast played role stars", ("starring",)),
    "setting": (r"\bset (?:in|at|on)\b|\bset\s*[?.!]*$|\btakes? place\b|\bsetting\b", "set takes place setting plot", ()),
    "language": (r"\blanguage|\bspoken\b", "language", ("language",)),
    "country": (r"\bcountry|\bcountries|\bnationality", "country", ("country",)),
    "plot": (r"\bplot|\bhappen|\bstory\b|\bending|\bkill|\bdie[sd]?\b|\bescape|\bfight|\babout\b|\bsynopsis", "plot story", ()),
}

# Phrasings rewritten to the words documents use before the question is read
# (the rewritten text only drives routing and search; replies quote the question).
PHRASES: list[tuple[str, str]] = [
    (r"\bdirector of photography\b|\bdop\b|\bd\.o\.p\.", "cinematographer"),
    (r"\bcost to (?:make|produce|shoot)\b", "budget"),
    # "how many days did it take to film X?": the filming's length ("the shoot lasted 159 days"), not what it took
    (r"\b(?:did|does|do|would|will) (?:it|they|he|she|you) (?:take|need|spend) to (film|shoot)\b", r"was the \1ing of"),
    (r"\bbad (?:guy|man|woman|girl)\b", "villain"), (r"\bbad (?:guys|men|women)\b", "villains"),
    (r"\b(?:wr[io]te|did|composed|created) the (?:film's |movie's )?(music|score|soundtrack)\b", r"composed the \1"),
    (r"\b(?:come|came|comes) out\b|\bhit (?:theaters|theatres|cinemas)\b", "released"),
    (r"\b(?:come|came|comes|coming) back\b", "return"),  # "why didn't he come back for the sequel?" - "he did not return"
    (r"\b(?:push|pushed|pushing) back\b", "delayed"),
    (r"\bwhat (studio|company) made\b", r"what \1 produced"),
    (r"\b(?:takes?|took|taking) place\b", "set"),  # "where does it take place?": where it is set
    (r"\bhow much (?:money )?did (.+?) (?:make|bring in|take in|pull in)\b", r"how much did \1 gross"),
    # "what did it make in its second weekend / in France / at the box office?": takings, not what it made
    (r"\bwhat did (.+?) (?:make|bring in|take in|pull in|take)\b(?=.*\b(?:weekend|week|box[- ]office|opening|worldwide|overseas|domestic(?:ally)?|abroad)\b|\s+in\s+(?:the\s+)?[A-Z])",
     r"how much did \1 gross"),
]

# Everyday question forms, rewritten to the full question they stand for before anything reads the question
# (the rewritten question is the route's resolved question, so every stage reads the same words; replies quote
# the question as typed). Each pattern sees the whole question; "x" is what the question is about.
_NOT_A_NAME = r"(?!(?:who|whom|whose|what|which|when|where|why|how|is|was|were|are|did|does|do|has|had|have|can|could|will|would|should|and|list|name|tell|show|give)\b)"
_END = r"\s*[?.!]*\s*$"
_ABOUT = r"(?P<x>\S.*?)"
_CAST_NOUN = r"(?:(?:full|main|whole|complete|principal|lead|leading)\s+)?(?:cast(?:\s+list|\s+members)?|actors|actresses|stars|players)"
EVERYDAY_FORMS: list[tuple[str, str]] = [
    # the apostrophe left out: "whos in it", "whats it about", "why didnt he come back"
    (r"\b(what|who|where|when|how|that|there)s\b", r"\1 is"),
    (r"\b(did|does|do|was|were|is|are|has|have|had|could|would|should|must)nt\b", r"\1n't"),
    (r"\b(ca|wo)nt\b", r"\1n't"),
    # a cast asked for by a noun: "cast of X", "X cast", "actors in X", "X's actors", "starring?"
    (rf"^(?:(?:the|a|who(?:'s|’s| is| was| are| were)(?: the)?)\s+)?{_CAST_NOUN}\s+(?:of|in|for|from)\s+{_ABOUT}{_END}", r"who is in \g<x>?"),
    (rf"^{_NOT_A_NAME}{_ABOUT}(?:['’]s?)?\s+{_CAST_NOUN}{_END}", r"who is in \g<x>?"),
    (rf"^(?:(?:the\s+)?{_CAST_NOUN}|starring|who starred|who stars){_END}", "who is in it?"),
    # "who acted in X?", "who performed in it?": who is in it
    (r"^(?:and\s+)?who\s+(?:acted|acts|performed|performs|featured|features|was featured)\s+in\b", "who is in"),
    # "who is the protagonist / hero of X?": the main character
    (r"^(?:and\s+)?who(?:'s|’s|\s+is|\s+was)\s+the\s+(?:protagonist|hero|heroine)\b", "who is the main character"),
    # an opinion asked: "was X good?", "is X any good?", "is X worth watching?", "should I watch X?", "how good is X?",
    # "did people like X?" -- whether X was well reviewed, which a film buff answers from the critics' verdict
    (rf"^(?:and\s+)?(?:is|was)\s+{_ABOUT}\s+(?:(?:any|very|actually|really|even|that|so)\s+)?(?:good|great|bad|decent|any\s+good|"
     r"worth\s+(?:it|watching|seeing|a\s+(?:watch|look|viewing)|the\s+(?:time|watch|hype))|a\s+good\s+(?:film|movie|one)|"
     rf"recommended|liked|well[- ]liked|popular\s+with\s+critics|well\s+received){_END}", r"is \g<x> well reviewed?"),
    (rf"^(?:and\s+)?(?:should|would|will)\s+(?:i|we|you)\s+(?:watch|see|bother\s+(?:with|watching)|like|enjoy|recommend)\s+{_ABOUT}{_END}",
     r"is \g<x> well reviewed?"),
    (rf"^(?:and\s+)?(?:do|would)\s+you\s+recommend\s+{_ABOUT}{_END}", r"is \g<x> well reviewed?"),
    (rf"^(?:and\s+)?how\s+good\s+(?:is|was)\s+{_ABOUT}{_END}", r"is \g<x> well reviewed?"),
    (rf"^(?:and\s+)?(?:did|do)\s+(?:people|critics|reviewers|audiences|viewers|fans)\s+(?:like|love|enjoy|hate|rate)\s+{_ABOUT}{_END}",
     r"is \g<x> well reviewed?"),
]
# ... which is itself asked so too: "was it well reviewed?", "was Jaws well received?"
OPINION_ASKED = re.compile(r"^(?:and\s+)?(?:is|was)\s+\S.*?\s+well[- ](?:reviewed|received)\s*[?.!]*\s*$", re.I)


def everyday_form(question: str) -> str:
    """The question as its full form ("whos in jaws" -> "who is in jaws", "die hard cast" -> "who is in die hard?"); any other
    question unchanged."""
    out = question
    for pattern, repl in EVERYDAY_FORMS:
        out = re.sub(pattern, repl, out, flags=re.I)
    return out


# Words that only say what kind of answer is wanted: they need not appear near it.
_TYPE_WORDS_OF = {
    AnswerType.SCORE: frozenset("rating ratings score scores grade rated star stars".split()),
    AnswerType.MONEY: frozenset("amount money".split()),
    AnswerType.DURATION: frozenset("time".split()),
    # "what book is it based on?": the kind of work asked for need not be named beside its title
    AnswerType.TITLE: frozenset("book books novel novels story stories play plays title titles show shows series song songs work".split()),
    # "which company made it?": a company is what is asked, "made" what any company did
    AnswerType.ORGANISATION: frozenset("company companies studio studios firm made make makes".split()),
}
TYPE_WORDS = frozenset("date dates year years day month city town country place name names kind type much many number".split())
KIND_WORDS = TYPE_WORDS.union(*_TYPE_WORDS_OF.values(), ("genre", "genres", "summary", "synopsis", "overview", "rundown", "premise", "describe", "summarise", "summarize"))  # never unknown words: they name what is asked, not a fact

# Words people use that documents rarely do, mapped to the documents' words.
SYNONYMS = {
    "helm": "directed", "helmed": "directed", "director": "directed", "penned": "wrote", "scripted": "wrote",
    "wrote": "written writer screenplay", "write": "written wrote writer screenplay", "writes": "written wrote writer",
    "lensed": "cinematography", "photographed": "cinematography", "dp": "cinematography", "composed": "music", "composer": "music",
    "scored": "score", "soundtrack": "score", "earn": "grossed", "earned": "grossed", "earnings": "gross",
    "revenue": "gross", "length": "runtime", "long": "runtime",
    "called": "titled released known", "call": "titled released known",
    "duration": "runtime", "cost": "budget made spent", "costs": "budget made spent", "budget": "cost made spent financed", "shot": "filmed shooting", "filmed": "shot", "scene": "sequence", "scenes": "sequences",
    "location": "shot", "locations": "shot", "starred": "stars", "actor": "played", "actress": "played",
    "portrayed": "played", "role": "as", "character": "played", "premiered": "premiere", "came": "released",
    "photography": "cinematography", "cinematographer": "cinematography", "oscar": "academy award", "oscars": "academy awards", "us": "united states", "usa": "united states", "america": "united states", "uk": "united kingdom", "britain": "united kingdom",
    "take": "took taken", "took": "take", "delayed": "postponed moved delay", "ask": "asked told wanted", "allowed": "permission permitted allow", "allow": "permission permitted allowed", "asked": "ask told wanted", "video": "vhs cassette dvd home rentals", "abroad": "foreign overseas international", "overseas": "foreign abroad international", "censors": "bbfc mpaa classification certificate", "censor": "bbfc mpaa classification certificate", "return": "returned back", "shoot": "shot shooting filming", "shooting": "shot shoot filming", "villain": "villain antagonist kingpin gangster lord", "villains": "villain antagonist kingpin gangster henchmen", "wife": "wife", "hit": "success", "flop": "disappointment", "success": "success hit successful profitable",
    "match": "par equal level same", "matched": "par equal level same", "matching": "par equal level same",
    "critics": "critics", "score": "score", "rating": "rating", "graded": "grade", "grade": "cinemascore",
    # a language or people named for a country: "the French title" is said "in France it was released as ..."
    "french": "france", "german": "germany", "italian": "italy", "spanish": "spain", "japanese": "japan",
    "chinese": "china", "mexican": "mexico", "canadian": "canada", "australian": "australia", "swedish": "sweden",
    "norwegian": "norway", "danish": "denmark", "dutch": "netherlands", "polish": "poland", "portuguese": "portugal",
    "korean": "korea", "indian": "india", "brazilian": "brazil", "irish": "ireland", "finnish": "finland",
}

# A verb's irregular forms cover each other ("why does she steal the key?" - "she stole the key because ...").
_IRREGULAR = """steal stole stolen; give gave given; find found; leave left; lose lost; meet met; buy bought; bring brought;
    sell sold; tell told; think thought; hide hid hidden; break broke broken; choose chose chosen; drive drove driven;
    fight fought; teach taught; catch caught; begin began begun; become became; feel felt; keep kept; send sent;
    spend spent; throw threw thrown; fall fell fallen; fly flew flown; ride rode ridden; sing sang sung; swim swam;
    run ran; see saw seen; go went gone; hold held; build built; pay paid; sit sat; stand stood;
    speak spoke spoken; wear wore worn; forget forgot forgotten; forgive forgave forgiven; bite bit bitten; eat ate eaten"""
for _forms in (g.split() for g in _IRREGULAR.split(";")):
    for _w in _forms:
        SYNONYMS.setdefault(_w, " ".join(f for f in _forms if f != _w))

# Words searched for too, that do not by themselves say what the question says ("win" -> "won":
# a sentence where something was won is found, but it must still cover the question's words).
SEARCH_ALSO = {"win": "won", "wins": "won", "won": "win"}

# Question words that carry no content of their own.
GENERIC = frozenset(
    """film movie picture flick it its did does do was were is are be been the a an what which who whom whose
    when where why how much many long tell me about please name list give show say said get got happen happened
    one ones also else other another main lead actual actually exactly really originally first
    anything something someone thing things there here know info information
    didnt doesnt dont wasnt werent isnt arent hasnt hadnt havent cant couldnt wouldnt wont usual usually""".split()
)  # (a negation typed without its apostrophe is no content word either: "why didnt he come back")



@dataclass
class Reading:
    """The router's working notes for one question."""

    route: Route
    content_terms: list[str] = field(default_factory=list)  # analysed content words of the question
    key_terms: list[str] = field(default_factory=list)  # content terms minus the film title
    expansion: list[str] = field(default_factory=list)
    infobox_keys: tuple[str, ...] = ()  # the fields of every aspect the question touches
    primary_keys: tuple[str, ...] = ()  # the fields of its main aspect
    entities: list[str] = field(default_factory=list)  # capitalised names in the question
    film_named: bool = False
    alternatives: dict[str, set[str]] = field(default_factory=dict)  # key term -> terms that also cover it
    normalised: str = ""  # the question after PHRASES
    aspects: list[str] = field(default_factory=list)
    other_film: str | None = None  # a film the question names that the corpus does not hold ("Night Train III")
    element_type: AnswerType | None = None  # a list's members; None: a list of things read as a description
    required: list[tuple[str, str]] = field(default_factory=list)  # (owner, noun) the answer's sentence must tie ("Danko's wife")
    sequel_asked: bool = False  # "is there a sequel to X?": the title of the film after X is asked
    craft_asked: bool = True  # "who directed it?" (False: "which director lifted the score?", a job as a category)
    job_version: list[str] = field(default_factory=list)  # "the English dub", "the original director": whose job is asked
    opinion: bool = False  # "was it any good?": the critics' verdict is asked
    cost_of: str | None = None  # "how much did the mechanical shark cost?": a part's cost, not the film's budget


@functools.cache
def generic_terms() -> frozenset[str]:
    """GENERIC as index terms (stemmed once, on first use)."""
    return frozenset(t for g in GENERIC for t in analyse(g))


# what the members of a list are, by the plural the question asks for
_LIST_OF = [
    (r"\b(?:countries|nations|cities|towns|locations|places|states|regions)\b", T.PLACE),
    (r"\b(?:languages|genres)\b", None),
    (r"\b(?:studios|companies|publishers|distributors|labels|firms|networks)\b", T.ORGANISATION),
    (r"\b(?:films|movies|titles|pictures|shows|series|sequels)\b", T.TITLE),
    (r"\b(?:actors|actresses|stars|writers|screenwriters|producers|directors|composers|editors|people|members|"
     r"characters|villains|critics|cast|who)\b", T.PERSON),
]


def asked_unit(q: str) -> str | None:
    """The unit a count or measure is asked in: "how many days" -> "day", "how tall" -> "tall"."""
    m = re.search(r"\b(?:how many|number of)\s+([\w-]+)(?:\s+([\w-]+))?|\bhow (tall|old)\b", q, re.I)
    if not m:
        return None
    if m.group(3):
        return m.group(3).lower()
    first, second = m.group(1).lower(), (m.group(2) or "").lower()
    # "how many Blu-ray releases": the plural is the unit, a word before it only narrows it
    return second if not first.endswith("s") and second.endswith("s") and second not in STOP_WORDS else first


def list_element(q: str) -> AnswerType | None:
    """The type of a list's members ("which countries" -> place), None when unknown (described instead)."""
    for pattern, t in _LIST_OF:
        if re.search(pattern, q, re.I):
            return t
    return None


# "Who is Viktor Rostavili?": nothing asked but who a named person is — described, not named again
WHO_IS_NAMED = re.compile(r"^\s*[Ww]ho(?:'s|’s|\s+is|\s+was)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|le|la|del|du))*)\s*[?.!]*\s*$")


def answer_type(q: str) -> AnswerType:
    if WHO_IS_NAMED.match(q):
        return T.DESCRIPTION
    ql = q.lower()
    for pattern, t in _TYPE_RULES:
        if re.search(pattern, ql):
            return t
    return T.DESCRIPTION


def aspects_of(q: str) -> list[str]:
    ql = q.lower()
    return [name for name, (cue, _, _) in ASPECTS.items() if re.search(cue, ql)]


def _entities(q: str, kb: Knowledge) -> list[str]:
    """Capitalised names in the question (not its first word unless known)."""
    from .knowledge import NAME_SPAN

    out = []
    for m in NAME_SPAN.finditer(q):
        span = m.group()
        toks = span.split()
        while toks and toks[0].lower() in STOP_WORDS | GENERIC | {"tell", "did", "was", "is", "who", "what", "and"}:
            toks = toks[1:]
        if not toks:
            continue
        span = " ".join(toks)
        out.append(span)
    return out


# "Which director lifted ...": the job names a kind of person, the verb after it is what is asked
_CATEGORY = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(?:director|composer|writer|producer|cinematographer|editor|actor|actress|filmmaker)s?\s+"
                       r"(?!(?:of|for|on|was|is|were|are|did|does|do|had|has|behind)\b)[a-z]{3,}", re.I)


_ROMAN = {2: "ii", 3: "iii", 4: "iv", 5: "v", 6: "vi", 7: "vii", 8: "viii", 9: "ix", 10: "x"}
_NUMBER_WORDS = {w: i for i, w in enumerate("two three four five six seven eight nine ten".split(), start=2)}
SERIES_MARKS = _SERIES_MARK = frozenset(_ROMAN.values())
SERIES_WORDS = frozenset("sequel follow-up first original".split())
_SERIES = re.compile(r"(?P<next>\bsequel\b|\bfollow-up\b)|(?P<first>\bfirst (?:film|movie|one|part)\b|\boriginal (?:film|movie)\b|\bthe original\b)", re.I)
# "who wrote 58 Minutes?" names no film of the corpus: the work written is a book a film is based on
_WORK_WRITTEN = re.compile(r"^\s*(?:and\s+)?who\s+(?:wrote|penned|authored)\s+(?!(?:it|this|that|its|his|her|their|the\s+(?:film|movie|screenplay|script|"
                           r"music|score|songs?|soundtrack|lyrics|story|dialogue|sequel|original)|a|an)\b)\S", re.I)
_SERIES_REASONS = {True: "the sequel of", False: "the first film of the series of"}
# "Is there a sequel to X?", "what's the next movie after X?": the sequel's title is asked, about X
# (a fact of the sequel -- "who directed the sequel to X?" -- is asked about the sequel instead)
_SEQUEL_ASKED = re.compile(
    r"^(?:and\s+)?(?:is|was|are|were)\s+there\s+(?:a|an|any)\s+(?:sequel|follow-up)"
    r"|^(?:and\s+)?(?:did|does|has|had)\b.*\b(?:have|get|spawn|has|had|got)\s+(?:a|an|any)\s+(?:sequel|follow-up)"
    r"|\bwhat(?:'s|’s|\s+is|\s+was)\s+(?:the\s+|its\s+)?(?:name\s+of\s+(?:the\s+|its\s+)?)?(?:sequel|follow-up)(?!['’]s)\b"
    r"(?!.*\b(?:budget|about|set|gross\w*|directed|rated|made|released|cost|run\w*|score\w*)\b)"
    r"|\b(?:what|which)(?:\s+(?:film|movie|one|picture))?\s+(?:came|comes|followed|follows)\s+(?:after|next)\b"
    r"|\bnext\s+(?:film|movie|one|installment|instalment|entry|chapter|part)\b(?:\s+in\s+the\s+series)?\s+after\b"
    r"|\bwhat(?:'s|’s|\s+is|\s+was)\s+next\s+after\b"
    r"|^(?:and\s+)?(?:any|(?:are|were)\s+there(?:\s+any)?)\s+(?:sequels?|follow-ups?)\b", re.I)


def canon_title(text: str) -> str:
    """A title (or question) as the router compares titles: no "part", numbers as roman numerals."""
    out = []
    for w in normalise_title(text).split():
        if w == "part":
            continue
        if re.fullmatch(r"[0-9]+", w) and 2 <= int(w) <= 10:
            w = _ROMAN[int(w)]
        elif w in _NUMBER_WORDS:
            w = _ROMAN[_NUMBER_WORDS[w]]
        out.append(w)
    return " ".join(out)


@functools.lru_cache(maxsize=8)
def _canon_titles(items: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """(canonical title, film label), longest first."""
    pairs = {canon_title(norm): label for norm, label in items if canon_title(norm)}
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


@dataclass
class _TitleIndex:
    """The corpus titles as ``films_named`` reads them, looked up by the question's word runs.

    A question names a title when the title's words stand in a row in it, so
    only the titles equal to one of its (few) word runs are read, not every
    film of the corpus on every question (tens of thousands at a million passages).
    """

    titles: list[tuple[str, str]]  # _canon_titles: (canonical title, label), longest first
    known: set[str]
    at: dict[str, int]  # title -> its place in titles
    without_the: dict[str, list[int]]  # "orchard thieves" -> places of "the orchard thieves" (when not a title itself)
    series: dict[str, list[int]]  # "night train" -> places of "night train ii", "night train i"…
    longest: int  # words in the longest title
    starts: set[str] = field(default_factory=set)  # every title and every run of words a title starts with

    @classmethod
    def of(cls, kb: Knowledge) -> "_TitleIndex":
        cached = _TITLE_INDEX.get(id(kb.film_titles))
        if cached is not None and cached[0] is kb.film_titles:
            return cached[1]
        titles = _canon_titles(tuple(sorted(kb.film_titles.items())))
        known = {t for t, _ in titles}
        without_the: dict[str, list[int]] = {}
        series: dict[str, list[int]] = {}
        for i, (t, _) in enumerate(titles):
            if t.startswith("the ") and t[4:] not in known:
                without_the.setdefault(t[4:], []).append(i)
            toks = t.split()
            if len(toks) >= 2 and toks[-1] in _SERIES_MARK | {"i"}:
                series.setdefault(" ".join(toks[:-1]), []).append(i)
        starts = {" ".join(toks[:k]) for t in known for toks in [t.split()] for k in range(1, len(toks) + 1)}
        index = cls(titles, known, {t: i for i, (t, _) in enumerate(titles)}, without_the, series,
                    max((len(t.split()) for t in known), default=0), starts)
        if len(_TITLE_INDEX) >= 8:
            _TITLE_INDEX.clear()
        _TITLE_INDEX[id(kb.film_titles)] = (kb.film_titles, index)
        return index

    def runs(self, cq: str) -> set[str]:
        words = cq.split()
        return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + self.longest) + 1)}


_TITLE_INDEX: dict[int, tuple[dict, _TitleIndex]] = {}


def _names_film(name: str, kb: Knowledge) -> bool:
    """A capitalised name that is a corpus title or its start ("Die Hard" of "Die Hard 2"): a film, not a
    person a later "he"/"she" can mean."""
    c = canon_title(name)
    return bool(c) and c in _TitleIndex.of(kb).starts


def films_named(q: str, kb: Knowledge) -> tuple[list[str], str | None]:
    """Films named in the question, and a series title it names that the corpus lacks.

    Titles match without "The"/"Part" and with numbers either way ("night train 2"
    is "Night Train II"); a corpus title followed by another number ("Night Train
    III"), or the stem of one with a different number ("Kestrel Ten" beside
    "Kestrel Nine"), names a film the documents are not about.
    """
    found = kb.films_in(q)
    cq = f" {canon_title(q)} "
    index = _TitleIndex.of(kb)
    titles, known, runs = index.titles, index.known, index.runs(cq)
    # the titles whose words (or, without "The", whose other words) stand in a row in the question, in title order:
    # for any other title the loop below finds nothing
    named = sorted({index.at[r] for r in runs if r in index.at} | {i for r in runs for i in index.without_the.get(r, ())})
    canon_hits: list[str] = []
    other = None
    for t, label in (titles[i] for i in named):
        at = cq.find(f" {t} ")
        if at < 0 and t.startswith("the ") and t[4:] not in known:
            t = t[4:]  # "Orchard Thieves" for "The Orchard Thieves" -- unless it is part of a longer name ("Stone of the Border")
            at = cq.find(f" {t} ")
            if at >= 0:  # (only then: a pattern compiled for every title costs ~1 ms a question per 100 films)
                words_re = r"\W+".join(map(re.escape, t.split()))
                m = re.search(rf"(?i:\b{words_re}\b)(?P<next>\s+(?:(?:of|the|and|in|on|at)\s+)*(?!Part\b)[A-Z][a-z])?", q)
                if m is not None and m.group("next"):
                    at = -1
        if at < 0:
            continue
        after = cq[at + len(t) + 2 :].split()
        if after and after[0] in _SERIES_MARK and f"{t} {after[0]}" not in known:
            other = other or f"{t} {after[0]}"
            if label in found:
                found.remove(label)
            continue
        if not any(t in c for c in canon_hits):
            canon_hits.append(t)
            if label not in found:
                found.insert(0, label)
    if not found:
        for i in sorted(i for r in runs for i in index.series.get(r, ())):  # series titles whose stem is in the question
            stem = " ".join(titles[i][0].split()[:-1])
            m = re.search(rf" {re.escape(stem)} (\S+) ", cq)
            if m and m.group(1) in _SERIES_MARK and f"{stem} {m.group(1)}" not in known:
                other = other or f"{stem} {m.group(1)}"
    # "Return to Iron Dragon", "Revenge of the Valley": a capitalised title word before a corpus title
    # (not "for": "the Oscar for Jaws", "Best Actress for La La Land" name an award of the film)
    for label in list(found):
        title = re.sub(r"^the\s+", "", label.rsplit(" (", 1)[0], flags=re.I)
        m = re.search(rf"\b([A-Z][a-z]+)\s+(?:to|of|from)\s+(?:[Tt]he\s+)?{re.escape(title)}\b", q)
        if m and m.group(1).lower() not in STOP_WORDS | GENERIC and m.start() > 0 and canon_title(m.group()) not in known:
            found.remove(label)
            other = other or m.group()
    found = _by_year(found, q, kb)
    # longest (most specific) title first
    found.sort(key=lambda label: -len(canon_title(label.rsplit(" (", 1)[0])))
    return found, (other if other[:1].isupper() else other.title()) if other and not found else None


_FIRST_NAMES: dict[int, tuple[object, dict[str, set[str]]]] = {}


def _first_names(kb: Knowledge, surname: str) -> set[str]:
    """First names of the known people with this surname (an index built once per Knowledge)."""
    cached = _FIRST_NAMES.get(id(kb.persons))
    if cached is None or cached[0] is not kb.persons:
        index: dict[str, set[str]] = {}
        for name in kb.persons:
            parts = name.split()
            if len(parts) >= 2 and parts[0][:1].isupper():
                index.setdefault(parts[-1], set()).add(parts[0])
        _FIRST_NAMES.clear()
        _FIRST_NAMES[id(kb.persons)] = cached = (kb.persons, index)
    return cached[1].get(surname, set())


_LATER_ONE = re.compile(r"\b(?:remake|reboot|new|newer|later|latest|recent|modern)\b", re.I)
_EARLIER_ONE = re.compile(r"\b(?:original|first|old|older|earlier|classic)\b", re.I)


def tells_films_apart(word: str) -> bool:
    """Whether ``word`` picks one film of a title ("remake", "original"): a choice, never a fact to find."""
    return bool(_LATER_ONE.fullmatch(word) or _EARLIER_ONE.fullmatch(word))


# words that pick one of a title's films in a follow-up (not "old"/"first"/"new": "how old was she", "her first role")
_PICKS_ONE = re.compile(r"\b(?:remake|reboot|original|newer|older|earlier|later)\b|(?<![\d$£€])(?:1[89]|20)\d\d(?!\d)|['’]\d\d\b", re.I)


def _by_year(found: list[str], q: str, kb: Knowledge) -> list[str]:
    """Films that share a title ("The Hollow" of 1974 and of 2009) told apart by the
    question: a year ("the 2009 one", "the '74 film"), "remake"/"new", "original";
    else every one of them, earliest first."""
    out: list[str] = []
    for label in found:
        group = kb.same_title.get(label)
        if not group:
            out.append(label)
            continue
        named = [lab for lab, y in group if re.search(rf"(?<!\d)(?:{y}|['’]?{y % 100:02d})(?!\d)", q)]
        if named:
            pick = named
        elif _LATER_ONE.search(q):
            pick = [group[-1][0]]
        elif _EARLIER_ONE.search(q):
            pick = [group[0][0]]
        else:
            pick = [lab for lab, _ in group]
        out += [lab for lab in pick if lab not in out]
    return out


def series_member(film: str, kb: Knowledge, *, later: bool) -> str | None:
    """The corpus film that continues ``film`` (later) or that ``film`` continues."""
    titles = _TitleIndex.of(kb).titles
    mine = next((t for t, label in titles if label == film), None)
    if mine is None:
        return None
    if later:
        longer = [(t, label) for t, label in titles if t != mine and t.startswith(mine + " ")]
        return min(longer, key=lambda x: len(x[0]))[1] if longer else None
    shorter = [(t, label) for t, label in titles if t != mine and mine.startswith(t + " ")]
    return max(shorter, key=lambda x: len(x[0]))[1] if shorter else None


# "Danko's wife", "the harbour pilot's wife"
_PART = re.compile(r"\bpart\s+(?P<n>ii|iii|iv|v|vi|[2-6]|two|three|four|five|six)\b"
                   r"|\bthe\s+(?P<ord>second|third|fourth|fifth)\s+(?:film|movie|one|installment|instalment|entry|chapter)\b", re.I)
_ORDINAL = {"second": "ii", "third": "iii", "fourth": "iv", "fifth": "v"}


def _numbered_part(q: str, kb: Knowledge, focus_film: str | None) -> list[str]:
    """The corpus film a bare part number names ("in Part II", "the second film"): the one title with that
    number, of the series in focus when there is one."""
    m = _PART.search(q)
    if not m:
        return []
    mark = canon_title(m.group("n")) if m.group("n") else _ORDINAL[m.group("ord").lower()]
    members = [(t, label) for t, label in _TitleIndex.of(kb).titles if t.endswith(" " + mark)]
    if focus_film and len(members) > 1:
        stem = canon_title(focus_film.rsplit(" (", 1)[0]).removesuffix(" " + mark)
        members = [(t, label) for t, label in members if t.startswith(stem + " ")]
    labels = list(dict.fromkeys(label for _, label in members))
    return labels if len(labels) == 1 else []


_POSSESSED = re.compile(r"(?:\b(?P<name>[A-Z][\w-]*)|\bthe\s+(?:[a-z]+\s+)?(?P<one>[a-z]{3,}))['’]s\s+(?:(?:first|last|real|full|own|main|best)\s+)?(?P<noun>[a-z]{3,})\b")
_NOT_RELATION = frozenset("film movie character role part performance career name rank title first last full budget score music".split())


def _possessed(q: str, film: str | None) -> list[tuple[str, str]]:
    """What a named person's possessive asks about ("Danko's wife" -> wife), when it is a relation."""
    out = []
    for m in _POSSESSED.finditer(q):
        owner, noun = m.group("name") or m.group("one"), m.group("noun")
        if film and owner.lower() in film.lower():
            continue  # "Red Heat's budget" is the film's own fact
        if owner.lower() in ("who", "what", "where", "when", "how", "that", "there", "it", "he", "she", "here", "which"):
            continue  # "Who's distributing it?": "who is", no owner
        if noun in STOP_WORDS or noun in GENERIC or noun in TYPE_WORDS or noun in _NOT_RELATION:
            continue
        if owner.lower() in GENERIC or owner.lower() in _NOT_RELATION:
            continue  # "the film's director": the film's own fact ("the pilot's wife" is a relation)
        out.append((owner, noun))
    return out


def _without_title(q: str, film: str) -> str:
    """The question without the words that name ``film`` ("did die hard 2 win?" -> "did win?")."""
    title = canon_title(film.rsplit(" (", 1)[0]).split()
    if title[:1] == ["the"] and len(title) > 1:
        title = title[1:]
    words_ = q.split()
    canon = [canon_title(w) for w in words_]
    for i in range(len(words_) - len(title) + 1):
        if canon[i : i + len(title)] == title:
            return " ".join(words_[:i] + words_[i + len(title) :])
    return q


# "how much did the mechanical shark in X cost?", "what did the opening sequence cost to shoot?": what cost the sum
_COST_ASKED = re.compile(r"^(?:and\s+)?(?:how\s+much(?:\s+money)?|what)\s+(?:did|does|do|will|would|was|were)\s+(?P<s>.+?)\s+(?:cost|costs)"
                         r"(?:\s+(?:to\s+)?(?:make|produce|build|shoot|film|create|design|stage)\b.*)?\s*[?.!]*\s*$", re.I)


def _cost_of(q: str, film: str | None, kb: Knowledge) -> str | None:
    """The part of a film whose cost is asked ("the mechanical shark" of "how much did the mechanical shark in Jaws
    cost?"), None when the film's own cost is (its title, "it", "the film", "the production")."""
    m = _COST_ASKED.match(q)
    if not m:
        return None
    said = _without_title(m.group("s"), film) if film else m.group("s")
    said = re.sub(r"\b(?:in|of|for|on)\s*$", "", said.strip(), flags=re.I).strip()
    head = (words(said) or [""])[-1]
    if not any(w not in STOP_WORDS and w not in GENERIC for w in words(said)) or head in _A_FILM or canon_title(head) in SERIES_MARKS or head.isdigit():
        return None  # "the film", "the whole production", "the second film", "part 2": a film's own cost
    return said


_A_FILM = frozenset("film films movie movies picture flick sequel prequel remake reboot original installment instalment entry chapter "
                    "part production shoot filming shooting project".split())


def normalise_question(q: str) -> str:
    """The question with people's phrasings replaced by the documents' words (PHRASES)."""
    out = everyday_form(q)
    for pattern, repl in PHRASES:
        out = re.sub(pattern, repl, out, flags=re.I)
    # "hit or flop?", "Red Heat: success or failure?": a choice of two words asks yes/no about the first
    m = re.search(r"(?:^|[:,]\s*|\s(?:it|film|movie)\s+|\s(?=an?\s))(?:an?\s+)?([a-z][a-z-]+)\s+or\s+(?:an?\s+)?[a-z][a-z-]+\s*\?*\s*$", out)
    if m and len(out.split()) <= 8:
        subject = out[: m.start(1)].strip(" :,")
        subject = re.sub(r"^(?:was|is)\s+|\s+(?:an?)$", "", subject, flags=re.I).strip() or "it"
        out = f"Was {subject} a {m.group(1)}?"
    return out


# A job done for another version of the film, or by someone before the credited one: "who directed the English dub?",
# "who is directing the remake?", "who was the original director?" - the film's own credit does not answer it
_JOB_VERSION = re.compile(r"\b(?:dub|dubbed|dubbing|remake|reboot|re-?edit|stage (?:version|production|play|musical)|trailer)\b"
                          r"|\b(?:original|first|initial|replacement|uncredited)(?=\s+(?:director|writer|screenwriter|composer|"
                          r"cinematographer|editor|producer)s?\b)", re.I)


def job_version(q: str) -> list[str]:
    """The words that say whose version of a job is asked ("dub", "remake", "original"), lower case."""
    return [m.group().split()[0].lower() for m in _JOB_VERSION.finditer(q)]


# "who shot it?", "who lensed La La Land?": shooting the film itself is the cinematographer's job ("who shot Danko?" is not)
_SHOT_WHAT = re.compile(r"^\s*(?:and\s+)?who\s+(?:shot|filmed|lensed|photographed)(?:\s+(?P<what>.*?))?\s*[?.!]*\s*$", re.I)
# "which studio released Jaws?", "what company was it released by?"
_RELEASED_WHAT = re.compile(r"\breleas\w*\s+(?P<what>.*?)\s*[?.!]*\s*$|\b(?:was|is|were)\s+(?P<passive>.+?)\s+releas\w*\b", re.I)
_THE_FILM_ITSELF = ("it", "this", "that", "the film", "the movie", "the picture", "this film", "this movie")
_AFTER_OBJECT = frozenset("in on at for during by across throughout first originally".split())


def _the_film_itself(what: str, film: str | None, kb: Knowledge) -> bool:
    """Whether a verb's object is the film itself ("it", its title), maybe with a phrase after ("in the UK")."""
    what = canon_title(what)
    titles = {canon_title(t) for t in (*_THE_FILM_ITSELF, *(kb.titles_of.get(film, ()) if film else ()))}
    return not what or any(what == t or what.startswith(t + " ") and what[len(t) + 1 :].split()[0] in _AFTER_OBJECT
                           for t in titles if t)


def _job_by_verb(nq: str, atype: AnswerType, aspects: list[str], film: str | None, kb: Knowledge) -> list[str]:
    """The aspects with the job a verb asks for first, where the verb alone names another aspect:
    "who shot <the film>?" asks for its cinematographer (not where it was shot), "which studio
    released <the film>?" for its distributor (not when it was released)."""
    m = _SHOT_WHAT.match(nq)
    if atype == T.PERSON and m and _the_film_itself(m.group("what") or "", film, kb):
        return ["cinematography"] + [a for a in aspects if a not in ("cinematography", "filming")]
    m = _RELEASED_WHAT.search(nq)
    if (atype == T.ORGANISATION and m and _the_film_itself(m.group("what") or m.group("passive") or "", film, kb)
            and "release" in aspects and not {"home media", "distribution"} & set(aspects)):
        return ["distribution"] + [a for a in aspects if a != "release"]
    return aspects


# "who made Jaws?", "who made it?", "who made the Hollow 2009?"
_WHO_MADE = re.compile(r"^\W*who\s+(?:made|did)\s*(?:it\s*|this\s*|that\s*)?(?:the\s+|this\s+)?(?:(?:film|movie|one)\s*)?(?:\(?\d{4}\)?)?\W*$", re.I)


def route_question(question: str, kb: Knowledge, *, single_film: str | None, focus_film: str | None,
                   focus_reason: str = "") -> Reading:
    """``focus_reason``: why the film in focus was chosen (a film reached as "the sequel" is what "the sequel" says again)."""
    q = everyday_form(question.strip())
    nq = normalise_question(q)
    atype = answer_type(nq)
    aspects = aspects_of(nq)
    films, other_film = films_named(q, kb)
    if not films and _WORK_WRITTEN.search(q):
        aspects = ["source"] + [a for a in aspects if a not in ("source", "writing")]  # "who wrote 58 Minutes?": a book's author
    film_reason = ""
    film = None
    series = _SERIES.search(q)
    sequel_asked = _SEQUEL_ASKED.search(q) and not re.search(r"\b(?:gonna|going to|will|planned|plans?)\b", q, re.I)
    if sequel_asked:
        atype = T.TITLE  # the answer is the sequel's title, found in the documents of the film it follows
        series = None
    if not films and not other_film:
        films = _numbered_part(q, kb, focus_film)
        if films:
            film_reason = "the part of the series the question numbers"
    if films:
        film, film_reason = films[0], film_reason or "named in the question"
        base = "the film named in the question"
        aspects = aspects_of(_without_title(nq, film))  # "did Die Hard 2 win any awards?" asks nothing of dying
    elif focus_film:
        film, film_reason = focus_film, "the film in focus in this conversation"
        picks = focus_film in kb.same_title and _PICKS_ONE.search(q)
        told_apart = _by_year([focus_film], q, kb) if picks else [focus_film]
        if len(told_apart) == 1 and told_apart[0] != focus_film:
            # "who does she play in the remake?" while the original is in focus: the film of its title the question picks
            film, film_reason, series = told_apart[0], "the film of the title in focus that the question picks", None
        base = "the film in focus"
        if series and focus_reason.startswith(_SERIES_REASONS[bool(series.group("next"))]):
            film_reason, series = focus_reason, None  # "where is the sequel set?" after a question about the sequel: the same film
    elif single_film:
        film, film_reason = single_film, "the only film in the corpus"
        series = None
    if film and series and not other_film and (series.group("next") or not films):
        later = bool(series.group("next"))
        member = series_member(film, kb, later=later)
        if member:
            film, film_reason = member, f"{_SERIES_REASONS[later]} {base}"
        elif later and atype not in (T.YESNO, T.REASON, T.DESCRIPTION):
            other_film = f"the sequel to {film}"

    aspects = _job_by_verb(nq, atype, aspects, film, kb)
    if atype == T.PERSON and film and _WHO_MADE.match(_without_title(nq, film)):
        # "who made Jaws?", "who made it?": the person a film is made by is its director ("made" is no word to search for)
        aspects, nq = ["direction"], re.sub(r"\b(?:made|did)\b", "directed", nq, count=1, flags=re.I)
    content = [t for t in analyse(nq) if t not in generic_terms()]
    title_terms: set[str] = set()
    if film:
        for norm in kb.titles_of.get(film, ()):
            title_terms.update(analyse(norm))
    type_terms = {t for w in TYPE_WORDS | _TYPE_WORDS_OF.get(atype, frozenset()) for t in analyse(w)}
    if film:
        canon_own = set(canon_title(film.rsplit(" (", 1)[0]).split())
        title_terms.update(re.findall(r"\((\d{4})\)", film))  # "Night Train (1994)": the year is part of the name
        if film in kb.same_title:  # "the remake of The Hollow": the words that told it apart name it too
            # ("is the 2009 one a remake?": "a remake" is what is asked of it, not what names it)
            title_terms.update(t for m in (_LATER_ONE, _EARLIER_ONE) for w in m.finditer(q)
                               if not re.search(r"\b(?:a|an)\s+$", q[max(0, w.start() - 4) : w.start()], re.I) for t in analyse(w.group()))
        title_terms |= {t for t in content if canon_title(t) in canon_own}
        if film_reason.startswith(tuple(_SERIES_REASONS.values())) or sequel_asked:
            title_terms |= {t for w in SERIES_WORDS for t in analyse(w)}
    key_terms = [t for t in content if t not in title_terms and t not in type_terms]
    if not aspects and not key_terms and atype in (T.YEAR, T.DATE):
        aspects = ["release"]  # "what year is it from?": nothing but the film is asked about, so its release
    expansion: list[str] = []
    infobox_keys: tuple[str, ...] = ()
    for a in aspects:
        _, words_, keys = ASPECTS[a]
        expansion.extend(analyse(words_))
        infobox_keys += keys
    alternatives: dict[str, set[str]] = {t: {t} for t in key_terms}
    for w in words(nq):
        syn = SYNONYMS.get(w)
        if syn:
            expansion.extend(analyse(syn))
        if w in SEARCH_ALSO:
            expansion.extend(analyse(SEARCH_ALSO[w]))
        t = analyse(w)
        if t and t[0] in alternatives and syn:
            alternatives[t[0]].update(analyse(syn))
    for m in re.finditer(r"(?<![\w'’])([A-Z][a-z][\w'’-]+)\b(?!\s+[A-Z])", q):
        # "What did Hill ask Horner for?" - "I told James I wanted ...": a surname alone is covered by the first name
        t = analyse(m.group(1))
        if t and t[0] in alternatives and (m.start() == 0 or q[m.start() - 1] == " ") and not re.search(r"[A-Z][\w'’-]*\s+$", q[: m.start()]):
            alternatives[t[0]].update(x for first in _first_names(kb, m.group(1)) for x in analyse(first))
    entities = _entities(q, kb)
    route = Route(
        question=question,
        resolved_question=q,
        answer_type=atype,
        film=film,
        film_reason=film_reason,
        aspect=aspects[0] if aspects else None,
        focus=next((e for e in entities if not _names_film(e, kb)), None),
        query_terms=list(dict.fromkeys(content + expansion)),
        explanation="",
    )
    return Reading(
        route=route,
        content_terms=content,
        key_terms=key_terms,
        expansion=[e for e in dict.fromkeys(expansion) if e not in content],
        infobox_keys=infobox_keys if atype == T.LIST or not aspects else ASPECTS[aspects[0]][2],
        entities=entities,
        film_named=bool(films),
        alternatives=alternatives,
        primary_keys=ASPECTS[aspects[0]][2] if aspects else (),
        normalised=nq,
        aspects=aspects,
        craft_asked=not _CATEGORY.search(nq),
        # (not the words that picked the film: "the 2009 remake of The Hollow" is a film of the corpus, its director its own)
        job_version=[w for w in job_version(q) if not set(analyse(w)) & title_terms],
        sequel_asked=bool(sequel_asked),
        other_film=other_film,
        required=_possessed(q, film),
        element_type=list_element(nq) if atype == T.LIST else None,
        opinion=bool(OPINION_ASKED.match(q)),
        cost_of=_cost_of(q, film, kb) if atype == T.MONEY else None,
    )
