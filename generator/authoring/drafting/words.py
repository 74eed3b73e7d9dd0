"""The grammar words of attribution in English news copy: verbs, titles, unnamed sources,
documents. Generic vocabulary only: the story's names come from its content."""

from __future__ import annotations

import re

_SAY = (
    "say|says|said|tell|tells|told|add|adds|added|ask|asks|asked|warn|warns|warned|insist|"
    "insists|insisted|note|notes|noted|stress|stresses|stressed|agree|agrees|agreed|write|"
    "writes|wrote|post|posts|posted|tweet|tweets|tweeted|describe|describes|described|call|"
    "calls|called|hail|hails|hailed|dismiss|dismisses|dismissed|urge|urges|urged|welcome|"
    "welcomes|welcomed|claim|claims|claimed|argue|argues|argued|explain|explains|explained|"
    "declare|declares|declared|announce|announces|announced|reply|replies|replied|respond|"
    "responds|responded|acknowledge|acknowledges|acknowledged|admit|admits|admitted|concede|"
    "concedes|conceded|confirm|confirms|confirmed|promise|promises|promised|vow|vows|vowed|"
    "pledge|pledges|pledged|predict|predicts|predicted|suggest|suggests|suggested|recall|"
    "recalls|recalled|remark|remarks|remarked|complain|complains|complained|caution|cautions|"
    "cautioned|emphasise|emphasises|emphasised|emphasize|emphasizes|emphasized|reiterate|"
    "reiterates|reiterated|repeat|repeats|repeated|accuse|accuses|accused|praise|praises|"
    "praised|criticise|criticises|criticised|criticize|criticizes|criticized|condemn|condemns|"
    "condemned|deny|denies|denied|clarify|clarifies|clarified|state|states|stated|report|"
    "reports|reported|chant|chants|chanted|shout|shouts|shouted|yell|yelled|cry|cried|"
    "joke|joked|quip|quipped|boast|boasted|retort|retorted|snap|snapped|counter|countered|"
    "reply|whisper|whispered|exclaim|exclaimed|concluded|recounted|maintain|maintains|"
    "maintained|contend|contends|contended|assert|asserts|asserted|"
    "made clear|made it clear|makes clear|makes it clear"
)
# Participles take the subject of the clause they hang on: "…, adding that …".
_PARTICIPLE = (
    "saying|adding|telling|asking|warning|insisting|noting|stressing|writing|posting|"
    "describing|calling|hailing|dismissing|urging|welcoming|claiming|arguing|explaining|"
    "declaring|announcing|replying|acknowledging|admitting|conceding|confirming|promising|"
    "vowing|pledging|predicting|suggesting|recalling|complaining|cautioning|emphasising|"
    "emphasizing|reiterating|repeating|accusing|praising|criticising|criticizing|"
    "condemning|denying|clarifying|stating|considering"
)
VERB = re.compile(rf"\b(?:{_SAY})\b", re.IGNORECASE)
PARTICIPLE = re.compile(rf"\b(?:{_PARTICIPLE})\b", re.IGNORECASE)
ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
PASSIVE = re.compile(r"\b(?:been|be|being|is|are|was|were)\s+(?:\w+ly\s+)?$", re.IGNORECASE)

PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "we": "plural"}

# Words that begin an unnamed or collective source.
UNNAMED_LEAD = {
    "a", "an", "one", "some", "several", "many", "most", "few", "two", "three", "four",
    "others", "other", "those", "critics", "analysts", "officials", "observers", "experts",
    "residents", "diplomats", "sources", "people", "someone", "somebody", "nobody", "none",
    "witnesses", "protesters", "supporters", "opponents", "commentators", "economists",
    "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens", "hundreds",
    "thousands", "all", "both", "each", "every", "no", "members", "delegates", "fans",
}  # fmt: skip
# Heads that name a person by function without naming them: "Rinn's spokesperson".
UNNAMED_HEADS = {
    "spokesman", "spokeswoman", "spokesperson", "aide", "aides", "adviser", "advisers",
    "advisor", "official", "officials", "source", "sources", "diplomat", "diplomats",
    "insider", "insiders", "colleague", "colleagues", "ally", "allies", "critic", "critics",
    "counterparts", "counterpart", "staff", "spokespeople",
}  # fmt: skip
# Heads of a person's institutional voice: "X's office said" is X speaking through it.
OFFICE_HEADS = {"office", "cabinet", "campaign", "team", "administration", "camp"}
DOCUMENTS = {
    "statement", "report", "draft", "text", "resolution", "letter", "document", "summary",
    "declaration", "communique", "communiqué", "memo", "memorandum", "proposal", "framework",
    "agreement", "accord", "bill", "motion", "release", "filing", "ruling", "judgment",
    "review", "study", "survey", "minutes", "transcript", "post", "decree", "order", "treaty",
    "protocol", "protocols", "annex", "plan",
}  # fmt: skip
# Generic titles and roles, stripped from a name ("Transport Minister Carys Pell").
TITLES = {
    "president", "vice-president", "prime", "minister", "foreign", "chancellor", "secretary",
    "general", "secretary-general", "deputy", "chief", "executive", "director", "chair",
    "chairman", "chairwoman", "chairperson", "governor", "senator", "ambassador", "envoy",
    "commissioner", "mayor", "king", "queen", "prince", "princess", "pope", "judge",
    "colonel", "captain", "admiral", "commander", "dr", "mr", "mrs", "ms", "sir", "lord",
    "lady", "dame", "leader", "speaker", "representative", "delegate", "spokesman",
    "spokeswoman", "spokesperson", "transport", "defence", "defense", "finance", "interior",
    "health", "justice", "trade", "home", "state", "economy", "energy", "environment",
    "education", "agriculture", "labour", "labor", "culture", "council", "opposition",
    "party", "union", "head", "boss", "founder", "professor", "prof", "senior", "junior",
    "acting", "interim", "former", "vice", "mp", "mep", "sheikh", "emir", "sultan", "cardinal",
    "bishop", "archbishop", "rabbi", "imam", "father", "harbour", "harbor", "master",
    "coach", "manager", "owner", "economist", "analyst", "officer", "member",
    "members", "presidential", "premier", "ceo", "cfo", "coo", "gen", "lt", "sgt", "rep",
    "sen", "gov", "first", "crown", "security", "national", "adviser", "advisor",
    "attorney", "solicitor", "treasurer", "auditor", "inspector", "police",
    "negotiator", "mediator", "special",
}  # fmt: skip
PARTICLES = {"von", "van", "de", "der", "den", "da", "di", "del", "della", "du", "le", "la",
             "al", "el", "bin", "ibn", "ter", "ten", "dos", "das"}  # fmt: skip
# Words that end the subject's reach going back: a new clause begins after them.
SUBORDINATORS = (
    "when|while|whereas|as|after|before|because|although|though|since|if|until|once|but|"
    "and|that|whether|where"
)
# A time phrase opening a sentence ("Two days later", "Last month", "That evening"): never its
# speaker, though it may begin with a number or a determiner as an unnamed source does.
_TIME_NOUN = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|years?|decades?|morning|"
    r"afternoon|evening|night|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
    r"september|october|november|december)"
)
TIME = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|some|\d+)\s+"
    rf"(?:\w+\s+)?{_TIME_NOUN}\s+(?:ago|later|earlier|before|after|on)\b|"
    rf"(?:last|next|this|that|the\s+following|the\s+previous|the\s+next|early|late)\s+"
    rf"(?:\w+\s+)?{_TIME_NOUN}\b"
)
# Segments that are no subject: adverbials, time phrases, participial phrases, relative clauses.
ADVERBIAL = re.compile(
    rf"^(?:{TIME}|(?:in|on|at|after|before|over|during|with|from|under|for|by|to|into|across|amid|"
    r"despite|since|until|outside|inside|speaking|asked|answering|asked|responding|"
    r"writing|meanwhile|however|separately|earlier|later|also|still|then|now|today|"
    r"yesterday|instead|indeed|again|too|not|breaking|update"
    r")\b|\w+ing\s|\w+ly\s)",
    re.IGNORECASE,
)
RELATIVE = re.compile(r"^(?:who|whom|whose|which|where|that)\b", re.IGNORECASE)
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their"}


def is_noun(text: str, start: int) -> bool:
    """ "the report", "a call", "its draft statement": a verb's spelling used as a noun."""
    previous = text[:start].split()[-1:] or [""]
    word = previous[0].casefold()
    if word in DETERMINERS | NOUN_MODIFIERS or word.endswith(("’s", "'s")):
        return True
    # "told state radio", "said on state radio": an object. "The Evening Post": capitalised
    # inside a sentence (not after its end, a colon or an opening mark) in a noun's form, part
    # of a name; a title-case headline's "Minister Warns" keeps its verb.
    after_verb = word in {"told", "tells", "tell", "telling", "on", "in", "from", "via"}
    spelled = re.match(r"\w+", text[start:])
    noun_form = spelled is not None and not re.search(r"(?:s|ed|aid|old|ote)$", spelled.group(0))
    in_name = text[start : start + 1].isupper() and previous[0][-1:].isalnum() and noun_form
    return after_verb or in_name


NOUN_MODIFIERS = {"annual", "final", "draft", "new", "joint", "official", "written", "short"}
# The last word of an organisation's name: a new name ending so is proposed as a group.
ORGANISATIONS = {
    "rail", "railways", "union", "council", "ministry", "department", "company", "group",
    "bank", "party", "association", "institute", "agency", "authority", "committee",
    "commission", "federation", "league", "office", "corporation", "inc", "ltd", "plc",
    "airlines", "court", "board", "foundation", "society", "alliance", "coalition", "front",
    "movement", "service", "police", "trust", "fc", "club", "network", "forum", "institution",
    "secretariat", "parliament",
}  # fmt: skip


def VERBS_IN(text: str) -> list[re.Match[str]]:
    found = re.finditer(rf"{VERB.pattern}|{PARTICIPLE.pattern}|{ACCORDING.pattern}", text, re.I)
    return [
        m for m in found if not is_noun(text, m.start()) and text[m.end() : m.end() + 4] != " by "
    ]


def nearest_marker(before: str) -> re.Match[str] | None:
    found = VERBS_IN(before)
    return found[-1] if found else None
