"""Common English forenames and their nicknames, for "Bill is William" and "Peggy is Margaret".

`canonical_forms("bill")` gives {"bill", "william"}: the name itself and every formal name it is
a nickname of. Two forenames are nickname-equivalent when these sets overlap. A nickname with
more than one formal name ("alex", "sam", "chris") belongs to each.
"""

from functools import cache

# Formal name → its nicknames and common short forms. Lower case, ASCII.
_FORMAL_TO_NICKNAMES: dict[str, tuple[str, ...]] = {
    # Boys' and men's names
    "abraham": ("abe", "bram"),
    "albert": ("al", "bert", "bertie"),
    "alexander": ("alex", "alec", "alek", "sandy", "xander", "lex", "alf"),
    "alfred": ("alf", "alfie", "fred", "freddie"),
    "andrew": ("andy", "drew", "andi"),
    "anthony": ("tony", "ant", "anton"),
    "archibald": ("archie", "archy"),
    "arthur": ("art", "artie"),
    "augustus": ("gus", "gussie"),
    "barnaby": ("barney",),
    "bartholomew": ("bart", "barty"),
    "benedict": ("ben", "benny"),
    "benjamin": ("ben", "benji", "benny", "benjy"),
    "bernard": ("bernie", "barney"),
    "bradley": ("brad",),
    "callum": ("cal",),
    "charles": ("charlie", "chas", "chuck", "chaz", "charly"),
    "christopher": ("chris", "kit", "topher", "christy"),
    "clifford": ("cliff",),
    "colin": ("col",),
    "cornelius": ("neil", "con"),
    "cuthbert": ("bert",),
    "daniel": ("dan", "danny", "dani"),
    "david": ("dave", "davey", "davy", "dai"),
    "dominic": ("dom", "nic"),
    "donald": ("don", "donnie"),
    "douglas": ("doug", "dougie"),
    "edmund": ("ed", "eddie", "ned", "ted"),
    "edward": ("ed", "eddie", "eddy", "ned", "ted", "teddy"),
    "edwin": ("ed", "eddie", "ned"),
    "elijah": ("eli",),
    "ernest": ("ernie",),
    "ezekiel": ("zeke",),
    "francis": ("frank", "frankie", "fran"),
    "frederick": ("fred", "freddie", "freddy", "fritz"),
    "gabriel": ("gabe", "gabby"),
    "geoffrey": ("geoff", "jeff"),
    "george": ("georgie",),
    "gerald": ("gerry", "jerry", "ged"),
    "gilbert": ("gil", "bert"),
    "gregory": ("greg",),
    "harold": ("harry", "hal"),
    "henry": ("harry", "hal", "hank", "hen"),
    "herbert": ("herb", "bert"),
    "howard": ("howie",),
    "hugh": ("hughie",),
    "isaac": ("ike", "zac"),
    "jacob": ("jake", "jack", "jakey"),
    "james": ("jim", "jimmy", "jamie", "jimbo", "jem"),
    "jeremy": ("jerry", "jez"),
    "jonathan": ("jon", "jonny", "johnny"),
    "john": ("jack", "johnny", "jonny", "jon", "jock"),
    "joseph": ("joe", "joey", "jo", "jos"),
    "joshua": ("josh",),
    "kenneth": ("ken", "kenny"),
    "lawrence": ("larry", "laurie", "lol"),
    "leonard": ("len", "lenny", "leo"),
    "lewis": ("lew", "lou"),
    "louis": ("lou", "louie"),
    "malcolm": ("mal", "malc"),
    "matthew": ("matt", "matty", "mat"),
    "maximilian": ("max",),
    "maxwell": ("max",),
    "michael": ("mike", "mick", "micky", "mikey", "mickey", "mitch"),
    "mitchell": ("mitch",),
    "nathaniel": ("nat", "nate", "nathan"),
    "nicholas": ("nick", "nicky", "nico", "nic"),
    "oliver": ("ollie", "olly", "ol"),
    "oscar": ("ossie",),
    "patrick": ("pat", "paddy", "patsy"),
    "peter": ("pete",),
    "philip": ("phil", "pip"),
    "phillip": ("phil", "pip"),
    "raymond": ("ray",),
    "reginald": ("reg", "reggie"),
    "richard": ("rich", "rick", "ricky", "dick", "richie", "ritchie"),
    "robert": ("rob", "robbie", "bob", "bobby", "bert", "robin", "rab"),
    "rodney": ("rod",),
    "ronald": ("ron", "ronnie"),
    "russell": ("russ",),
    "samuel": ("sam", "sammy"),
    "sebastian": ("seb", "bastian"),
    "sidney": ("sid",),
    "stanley": ("stan",),
    "stephen": ("steve", "stevie", "steph"),
    "steven": ("steve", "stevie"),
    "stuart": ("stu",),
    "terence": ("terry", "tel"),
    "theodore": ("theo", "ted", "teddy"),
    "thomas": ("tom", "tommy", "thom"),
    "timothy": ("tim", "timmy"),
    "tobias": ("toby",),
    "vincent": ("vince", "vinnie", "vinny"),
    "walter": ("walt", "wally"),
    "william": ("bill", "billy", "will", "willie", "willy", "liam", "wills"),
    "zachary": ("zach", "zack", "zac"),
    # Girls' and women's names
    "abigail": ("abby", "abbie", "gail"),
    "adelaide": ("addie", "ada"),
    "agnes": ("aggie", "nessa"),
    "alexandra": ("alex", "lexi", "sandy", "ali", "alexa"),
    "alice": ("ally", "allie"),
    "alison": ("ali", "allie", "ally"),
    "amanda": ("mandy", "manda"),
    "amelia": ("millie", "milly"),
    "angela": ("angie", "ange"),
    "anne": ("annie", "nan", "nancy", "ann", "anna"),
    "antonia": ("toni", "tonia"),
    "barbara": ("barb", "babs", "barbie"),
    "beatrice": ("bea", "bee", "trixie"),
    "bridget": ("biddy", "bridie", "bride"),
    "camilla": ("milla", "millie"),
    "caroline": ("carrie", "caro", "lina"),
    "catherine": ("cathy", "cath", "kate", "katie", "kitty", "cat", "kat", "katy", "kay"),
    "charlotte": ("charlie", "lottie", "lotte", "lotty", "char"),
    "christina": ("chris", "tina", "chrissie", "christy"),
    "christine": ("chris", "chrissie", "tina"),
    "clementine": ("clem", "clemmie"),
    "cynthia": ("cindy",),
    "deborah": ("debbie", "debs", "deb", "debra"),
    "diana": ("di",),
    "dorothy": ("dot", "dottie", "dolly", "dora"),
    "eleanor": ("ellie", "nell", "nellie", "ella", "elle", "nora"),
    "elizabeth": (
        "liz",
        "lizzie",
        "lizzy",
        "beth",
        "betty",
        "bess",
        "bessie",
        "libby",
        "eliza",
        "lisa",
        "betsy",
        "liza",
        "ellie",
        "elspeth",
    ),
    "ellen": ("ellie", "nell", "nellie"),
    "emily": ("em", "emmy", "millie"),
    "emma": ("em", "emmy"),
    "esther": ("essie", "hetty"),
    "evelyn": ("evie", "eve", "lyn"),
    "florence": ("flo", "florrie", "flossie"),
    "frances": ("fran", "frankie", "fanny", "francie"),
    "gabrielle": ("gabby", "gabi", "ella"),
    "georgina": ("georgie", "gina"),
    "gillian": ("gill", "jill", "gilly"),
    "gwendolyn": ("gwen", "wendy"),
    "harriet": ("hattie", "hatty", "harry", "etta"),
    "helen": ("nell", "nellie", "ellie"),
    "henrietta": ("etta", "hetty", "hattie", "etty"),
    "isabel": ("izzy", "izzie", "bella", "belle", "issy", "isa"),
    "isabella": ("izzy", "izzie", "bella", "belle", "issy"),
    "isobel": ("izzy", "izzie", "bella", "issy"),
    "jacqueline": ("jackie", "jacky", "jacqui"),
    "janet": ("jan", "jenny", "netty"),
    "jennifer": ("jen", "jenny", "jenn", "jennie"),
    "jessica": ("jess", "jessie", "jessy"),
    "joanna": ("jo", "joanne", "jojo"),
    "josephine": ("jo", "josie", "jose", "jojo", "posy"),
    "judith": ("judy", "jude", "judi"),
    "julia": ("jules", "julie"),
    "karen": ("kaz",),
    "katharine": ("kate", "katie", "kathy", "kat", "kitty", "katy"),
    "katherine": ("kate", "katie", "kathy", "kath", "kat", "kitty", "katy", "kay"),
    "kathleen": ("kath", "kathy", "kate", "katie", "kay"),
    "kimberley": ("kim", "kimmy"),
    "kimberly": ("kim", "kimmy"),
    "laura": ("laurie", "lolly"),
    "leonora": ("nora", "leo", "leonie"),
    "lillian": ("lily", "lil", "lilly"),
    "louisa": ("lou", "lulu", "louie"),
    "louise": ("lou", "lulu", "louie"),
    "lucinda": ("lucy", "cindy"),
    "lydia": ("liddy",),
    "madeleine": ("maddie", "maddy", "madge"),
    "margaret": (
        "maggie",
        "meg",
        "peggy",
        "peg",
        "marge",
        "margie",
        "molly",
        "greta",
        "madge",
        "maisie",
    ),
    "marjorie": ("marge", "margie", "jorie"),
    "martha": ("marty", "mattie", "patty"),
    "mary": ("molly", "polly", "mamie", "mae", "may", "mollie"),
    "matilda": ("tilly", "tillie", "mattie", "maud", "tilda"),
    "melanie": ("mel",),
    "melissa": ("mel", "missy", "lissa"),
    "michelle": ("shell", "shelly", "chelle"),
    "miriam": ("mim", "mimi"),
    "natalie": ("nat", "talia"),
    "natasha": ("tasha", "tash", "nat"),
    "nicola": ("nicky", "nikki", "nic", "nicki"),
    "olivia": ("liv", "livvy", "ollie", "livia"),
    "pamela": ("pam", "pammy"),
    "patricia": ("pat", "patty", "patsy", "tricia", "trish", "trisha"),
    "penelope": ("penny", "pen", "nell"),
    "philippa": ("pippa", "pip", "phil", "philly"),
    "priscilla": ("cilla", "prissy"),
    "rebecca": ("becky", "becca", "bex", "becks"),
    "rosalind": ("ros", "roz", "rosie"),
    "rose": ("rosie", "rosa"),
    "rosemary": ("rosie", "rose", "romy"),
    "samantha": ("sam", "sammy", "sammie"),
    "sarah": ("sally", "sadie", "sara", "sal"),
    "sophia": ("sophie", "sophy"),
    "stephanie": ("steph", "stevie", "steffi"),
    "susan": ("sue", "susie", "suzy", "sukie"),
    "suzanne": ("sue", "suzy", "susie"),
    "teresa": ("terri", "tess", "tessa", "terry", "tessie"),
    "theresa": ("terri", "tess", "tessa", "terry", "tessie"),
    "valerie": ("val",),
    "veronica": ("ronnie", "roni", "vera"),
    "victoria": ("vicky", "vicki", "tori", "tory", "vic"),
    "virginia": ("ginny", "ginger", "gina"),
    "wilhelmina": ("mina", "willa", "minnie", "billie"),
    "winifred": ("winnie", "freda", "win"),
    "yvonne": ("vonnie",),
    "zoe": ("zo",),
}

# Spelling variants that are the same name (not nicknames): each maps to the listed form.
_VARIANTS: dict[str, str] = {
    "jon": "john",
    "jonathon": "jonathan",
    "stevan": "steven",
    "mathew": "matthew",
    "phillipa": "philippa",
    "catharine": "catherine",
    "kathryn": "katherine",
    "katharina": "katherine",
    "katrina": "katherine",
    "elisabeth": "elizabeth",
    "isabelle": "isabel",
    "jayne": "jane",
    "geoff": "geoffrey",
    "jeffrey": "geoffrey",
    "jeffery": "geoffrey",
    "margret": "margaret",
    "marguerite": "margaret",
    "ann": "anne",
}


def _build() -> dict[str, frozenset[str]]:
    formal_of: dict[str, set[str]] = {}
    for formal, nicknames in _FORMAL_TO_NICKNAMES.items():
        for nickname in nicknames:
            formal_of.setdefault(nickname, set()).add(formal)
    for variant, formal in _VARIANTS.items():
        formal_of.setdefault(variant, set()).add(formal)
    return {name: frozenset(formals) for name, formals in formal_of.items()}


_FORMAL_OF = _build()

# How many (nickname, formal name) pairs the table knows; checked by the tests.
PAIR_COUNT = sum(len(formals) for formals in _FORMAL_OF.values())


@cache
def canonical_forms(name: str) -> frozenset[str]:
    """The name itself and every formal name it is a nickname or variant of (lower case)."""
    name = name.lower()
    return frozenset({name, *_FORMAL_OF.get(name, ())})


def canonical(name: str) -> tuple[str, ...]:
    """The formal names a forename stands for, for blocking keys: 'bill' → ('william',).

    A formal name stands for itself. Sorted, so keys are stable.
    """
    name = name.lower()
    formals = _FORMAL_OF.get(name)
    if not formals:
        return (name,)
    if name in _FORMAL_TO_NICKNAMES:  # both a name in its own right and a nickname (jack)
        return tuple(sorted({name, *formals}))
    return tuple(sorted(formals))


def are_nicknames(a: str, b: str) -> bool:
    """True when one forename is a nickname or spelling variant of the other (Bill, William).

    Two nicknames of one name (Ella and Ellie, both Eleanor) are not enough: twins are often
    given such names, so the scorer relies on spelling similarity for those.
    """
    a, b = a.lower(), b.lower()
    if not a or not b or a == b:
        return False
    return a in canonical_forms(b) or b in canonical_forms(a)
