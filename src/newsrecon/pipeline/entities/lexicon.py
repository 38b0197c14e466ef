"""General word lists the entity rules need: titles and ranks, their abbreviations, pronouns.

Lists of general English words only (no names): a rule that needs a name to work is not a rule.
"""

from __future__ import annotations

# Abbreviations written before names, expanded so "Maj Gen" and "Major General" compare equal.
ABBREVIATIONS: dict[str, str] = {
    "gen": "general",
    "maj": "major",
    "brig": "brigadier",
    "lt": "lieutenant",
    "lieut": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "cpt": "captain",
    "sgt": "sergeant",
    "cpl": "corporal",
    "adm": "admiral",
    "cmdr": "commander",
    "cdr": "commander",
    "pres": "president",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "dr": "doctor",
    "prof": "professor",
    "rev": "reverend",
    "sheik": "sheikh",
    "shaikh": "sheikh",
    "mr": "mr",
    "mrs": "mrs",
    "ms": "ms",
}

# Military ranks: two outlets giving one person two incompatible ranks is a checkable conflict.
RANKS: frozenset[str] = frozenset(
    {
        "general",
        "major general",
        "brigadier general",
        "lieutenant general",
        "brigadier",
        "colonel",
        "lieutenant colonel",
        "major",
        "captain",
        "lieutenant",
        "second lieutenant",
        "sergeant",
        "staff sergeant",
        "corporal",
        "private",
        "admiral",
        "vice admiral",
        "rear admiral",
        "field marshal",
        "marshal",
        "air marshal",
        "commodore",
    }
)

# Other titles and offices written before a name (kept as titles, never part of the name).
OFFICES: frozenset[str] = frozenset(
    {
        "president",
        "vice president",
        "prime minister",
        "deputy prime minister",
        "foreign minister",
        "defence minister",
        "defense minister",
        "minister",
        "secretary",
        "secretary of state",
        "secretary general",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "sultan",
        "sheikh",
        "ayatollah",
        "grand ayatollah",
        "imam",
        "pope",
        "cardinal",
        "archbishop",
        "bishop",
        "rabbi",
        "reverend",
        "father",
        "supreme leader",
        "senator",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "mayor",
        "judge",
        "justice",
        "chief justice",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "commander",
        "chief",
        "doctor",
        "professor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "sir",
        "dame",
        "lord",
        "lady",
    }
)

TITLES: frozenset[str] = RANKS | OFFICES
TITLE_WORDS: frozenset[str] = frozenset(w for t in TITLES for w in t.split()) | frozenset(
    ABBREVIATIONS
)
LONGEST_TITLE = max(len(t.split()) for t in TITLES)

# Nouns that end the names of bodies of people and are not surnames: a name the model typed
# PERSON that ends in one ("the Qassam Brigades", "Popular Mobilization Forces") is a body.
ORGANISATION_HEADS: frozenset[str] = frozenset(
    {
        "agency",
        "army",
        "association",
        "authority",
        "battalion",
        "battalions",
        "brigade",
        "brigades",
        "committee",
        "corps",
        "council",
        "department",
        "forces",
        "league",
        "militia",
        "militias",
        "ministry",
        "movement",
        "organisation",
        "organization",
        "party",
        "regiment",
        "union",
    }
)

# Tokens that may sit inside an organisation's expansion without counting as an initial.
MINOR_WORDS: frozenset[str] = frozenset(
    {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "al", "el", "&", "a"}
)

# Pronouns by the entity types they can stand for.
PERSON_PRONOUNS: frozenset[str] = frozenset(
    {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
)
THING_PRONOUNS: frozenset[str] = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS: frozenset[str] = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PERSON: frozenset[str] = frozenset(
    {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
)
SECOND_PERSON: frozenset[str] = frozenset({"you", "your", "yours", "yourself", "yourselves"})
# Pronouns that open a relative clause and stand for the noun the clause modifies.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "whom", "whose", "which", "that", "where"})
# Pronouns that quantify or leave the referent open: no two of them are the same entity by
# their word alone ("someone" here and "someone" there).
OPEN_PRONOUNS: frozenset[str] = frozenset(
    {
        "someone",
        "somebody",
        "something",
        "anyone",
        "anybody",
        "anything",
        "everyone",
        "everybody",
        "everything",
        "no one",
        "nobody",
        "nothing",
        "all",
        "both",
        "each",
        "either",
        "neither",
        "some",
        "many",
        "few",
        "several",
        "others",
        "another",
        "none",
        "one",
        "what",
        "whatever",
        "whoever",
    }
)

# Name suffixes that are not the surname.
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Arabic-script name particles written joined or apart ("al-Qassam", "al Qassam", "alQassam").
PARTICLES: tuple[str, ...] = ("al-", "el-", "al ", "el ", "ad-", "ar-", "as-", "ash-", "az-")

# Nouns and titles that say a person's gender: "he" does not stand for "the actress".
FEMALE_WORDS: frozenset[str] = frozenset(
    [
        "woman",
        "girl",
        "mother",
        "wife",
        "daughter",
        "sister",
        "actress",
        "queen",
        "princess",
        "mrs",
        "ms",
        "miss",
        "lady",
        "grandmother",
        "aunt",
        "niece",
        "bride",
        "girlfriend",
        "widow",
        "heroine",
        "waitress",
        "businesswoman",
        "chairwoman",
        "spokeswoman",
        "congresswoman",
        "policewoman",
        "sportswoman",
        "dame",
        "mum",
        "mom",
        "granddaughter",
        "stepmother",
    ]
)
MALE_WORDS: frozenset[str] = frozenset(
    [
        "man",
        "boy",
        "father",
        "husband",
        "son",
        "brother",
        "actor",
        "king",
        "prince",
        "mr",
        "sir",
        "lord",
        "grandfather",
        "uncle",
        "nephew",
        "groom",
        "boyfriend",
        "widower",
        "businessman",
        "chairman",
        "spokesman",
        "congressman",
        "policeman",
        "sportsman",
        "dad",
        "grandson",
        "stepfather",
    ]
)
