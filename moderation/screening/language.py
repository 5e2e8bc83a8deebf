"""Per language: the Snowball stemmer, and the spellings people use that a stemmer cannot know
(contractions without apostrophes, Nynorsk and dialect forms, abbreviations and algospeak).

Each map turns one written word into the word(s) the rules are written in. The maps are applied
only to the stream of their own language: Norwegian "no" (Nynorsk "now") is not English "no".
"""

from functools import lru_cache

import Stemmer

LANGUAGES = ("en", "nb")
_SNOWBALL = {"en": "english", "nb": "norwegian"}

EN_SPELLINGS: dict[str, tuple[str, ...]] = {
    # contractions as typed on a phone
    "im": ("i", "am"), "ive": ("i", "have"), "ill": ("i", "will"), "id": ("i", "would"),
    "dont": ("do", "not"), "doesnt": ("does", "not"), "didnt": ("did", "not"), "cant": ("can", "not"),
    "cannot": ("can", "not"), "couldnt": ("could", "not"), "wont": ("will", "not"), "wouldnt": ("would", "not"),
    "shouldnt": ("should", "not"), "isnt": ("is", "not"), "arent": ("are", "not"), "wasnt": ("was", "not"),
    "werent": ("were", "not"), "aint": ("am", "not"), "havent": ("have", "not"), "hasnt": ("has", "not"),
    "youre": ("you", "are"), "ur": ("you", "are"), "u": ("you",), "ya": ("you",), "yall": ("you",),
    "theyre": ("they", "are"), "theres": ("there", "is"), "thats": ("that", "is"), "its": ("it", "is"),
    "whats": ("what", "is"), "itll": ("it", "will"), "youll": ("you", "will"), "youve": ("you", "have"),
    "wanna": ("want", "to"), "gonna": ("going", "to"), "gotta": ("got", "to"), "tryna": ("trying", "to"),
    "hafta": ("have", "to"), "outta": ("out", "of"), "kinda": ("kind", "of"), "lemme": ("let", "me"),
    "gimme": ("give", "me"), "cuz": ("because",), "coz": ("because",), "bc": ("because",), "tho": ("though",),
    "rn": ("right", "now"), "tn": ("tonight",), "tonite": ("tonight",), "2nite": ("tonight",), "pls": ("please",),
    "plz": ("please",), "ppl": ("people",), "nvm": ("never", "mind"), "idk": ("i", "do", "not", "know"),
    "idc": ("i", "do", "not", "care"), "lol": ("lol",), "meds": ("medication",), "med": ("medication",),
    "antidepressant": ("antidepressants",), "ssri": ("antidepressants",), "ssris": ("antidepressants",),
    "bf": ("boyfriend",), "gf": ("girlfriend",), "mum": ("mother",), "mom": ("mother",),
    "myslef": ("myself",), "myelf": ("myself",), "mysefl": ("myself",), "mself": ("myself",),
    # algospeak and abbreviations used to get past filters
    "kms": ("kill", "myself"), "kys": ("kill", "yourself"), "ctb": ("catch", "the", "bus"),
    "unalive": ("kill",), "unalived": ("killed",), "unaliving": ("killing",), "unalives": ("kills",),
    "sewerslide": ("suicide",), "suicidial": ("suicidal",), "sucidal": ("suicidal",), "suicde": ("suicide",),
    "selfharm": ("self", "harm"), "selfharming": ("self", "harming"), "sh": ("sh",), "od": ("overdose",),
    "oding": ("overdosing",), "oded": ("overdosed",), "ideation": ("ideation",), "si": ("si",),
    "delete": ("delete",), "yeet": ("yeet",), "x": ("x",),
}  # fmt: skip

NB_SPELLINGS: dict[str, tuple[str, ...]] = {
    # Nynorsk and dialect forms of the words the rules are written in (Bokmål)
    "eg": ("jeg",), "æ": ("jeg",), "je": ("jeg",), "jæ": ("jeg",), "ej": ("jeg",),
    "ikkje": ("ikke",), "ikkj": ("ikke",), "itj": ("ikke",), "ittj": ("ikke",), "itte": ("ikke",),
    "ikkeno": ("ikke",), "kje": ("ikke",), "ik": ("ikke",), "ike": ("ikke",), "ikek": ("ikke",),
    "mæ": ("meg",), "mæg": ("meg",), "me": ("meg",), "mej": ("meg",), "mei": ("meg",),
    "dæ": ("deg",), "dæg": ("deg",), "dej": ("deg",), "dei": ("de",), "sæ": ("seg",), "sæg": ("seg",),
    "sjøl": ("selv",), "sjølv": ("selv",), "sjæl": ("selv",), "sjøv": ("selv",), "sel": ("selv",),
    "ønskjer": ("ønsker",), "ønskje": ("ønske",), "ønskte": ("ønsket",), "noose": ("henge",),
    "knife": ("kniv",), "blood": ("blod",), "pills": ("piller",), "grave": ("grav",),
    "auke": ("øke",), "aukar": ("øker",), "treng": ("trenger",), "skadar": ("skader",), "verkar": ("virker",),
    "sidan": ("siden",), "kvar": ("hver",), "betre": ("bedre",), "mykje": ("mye",), "nokre": ("noen",),
    "tænkje": ("tenke",), "tenkje": ("tenke",), "einaste": ("eneste",), "høyrer": ("hører",), "frå": ("fra",),
    "te": ("til",), "ongan": ("ungene",), "dæm": ("de",), "hadd": ("hadde",), "imorra": ("i", "morgen",),
    "meir": ("mer",), "noko": ("noe",), "nokon": ("noen",), "ingen": ("ingen",), "kvifor": ("hvorfor",),
    "ka": ("hva",), "kva": ("hva",), "koffor": ("hvorfor",), "no": ("nå",), "nu": ("nå",),
    "døy": ("dø",), "døyr": ("dør",), "daua": ("død",), "dau": ("død",), "daud": ("død",), "døyande": ("døende",),
    "drepa": ("drepe",), "drepe": ("drepe",), "ta": ("ta",), "tek": ("tar",), "tok": ("tok",),
    "liv": ("liv",), "livet": ("livet",), "leva": ("leve",), "lever": ("lever",),
    "orkar": ("orker",), "orka": ("orke",), "orke": ("orke",), "gidd": ("gidder",), "gidde": ("gidder",),
    "vil": ("vil",), "vill": ("vil",), "ville": ("ville",), "ska": ("skal",), "sku": ("skulle",),
    "kan": ("kan",), "ha": ("ha",), "har": ("har",), "va": ("var",), "vart": ("ble",), "blei": ("ble",),
    "ein": ("en",), "eit": ("et",), "berre": ("bare",), "bære": ("bare",), "heilt": ("helt",),
    "heile": ("hele",), "alle": ("alle",), "allesammen": ("alle",),
    "fordi": ("fordi",), "aldri": ("aldri",), "ailler": ("aldri",), "aillri": ("aldri",),
    "ikveld": ("i", "kveld"), "inatt": ("i", "natt"), "idag": ("i", "dag"), "imorgen": ("i", "morgen"),
    "medisin": ("medisiner",), "medisina": ("medisinene",), "medisinar": ("medisiner",),
    "tablettar": ("tabletter",), "pillar": ("piller",), "pilla": ("pillene",),
    "sjølmord": ("selvmord",), "sjølvmord": ("selvmord",), "sjølmordstankar": ("selvmordstanker",),
    "sjølvmordstankar": ("selvmordstanker",), "selvmordstankar": ("selvmordstanker",),
    "sjølskading": ("selvskading",), "sjølvskading": ("selvskading",), "sjølvskade": ("selvskade",),
    "ktm": ("kill", "myself"), "kms": ("kill", "myself"), "kys": ("kill", "yourself"),
}  # fmt: skip

SPELLINGS = {"en": EN_SPELLINGS, "nb": NB_SPELLINGS}


@lru_cache(maxsize=2)
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_SNOWBALL[language])


def stem(language: str, word: str) -> str:
    return _stemmer(language).stemWord(word)


def stem_words(language: str, words: list[str]) -> list[str]:
    return _stemmer(language).stemWords(words)


# Small words that only one of the two languages uses much: enough to tell which one a post is in,
# whatever language the writer chose for the pages.
_EN_WORDS = (
    "the and it is you my not that of was this have with but what just im dont cant want be are your am ive its "
    "they we he she"
)
_NB_WORDS = (
    "jeg eg æ ikke ikkje itj og det er å meg på som har en til med du deg seg ein eit ei kan vil skal bare berre så men"
)
_FUNCTION_WORDS = {"en": frozenset(_EN_WORDS.split()), "nb": frozenset(_NB_WORDS.split())}


def detect(words: list[str], hint: str) -> str:
    """The language a text is written in, by its small words; `hint` (the writer's choice) on a tie."""
    counts = dict.fromkeys(LANGUAGES, 0)
    for word in words:
        for code, known in _FUNCTION_WORDS.items():
            if word in known:
                counts[code] += 1
    best = max(counts.values())
    if best == 0 or list(counts.values()).count(best) > 1:
        return hint if hint in LANGUAGES else "en"
    return max(counts, key=lambda code: counts[code])
