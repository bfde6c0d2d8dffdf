"""The words of reported speech, by language: speech verbs, pronouns, titles, particles.

Data only, kept apart from the reading logic in `digest.quotes.speakers`. One pattern serves every
language, because a page's language is only a guess and quotations cross languages.
"""

from __future__ import annotations

import re

SPEECH_VERBS_EN = (
    r"said|says|say|told|tells|added|adds|stated|states|declared|declares|explained|explains|noted|notes|"
    r"wrote|writes|insisted|insists|argued|argues|warned|warns|replied|replies|recalled|recalls|announced|"
    r"announces|tweeted|acknowledged|admitted|conceded|urged|remarked|commented|complained|emphasi[sz]ed|"
    r"stressed|cautioned|joked|lamented|quipped|shouted|responded|testified|vowed|reiterated|recounted|"
    r"points out|pointed out|point out"
)
# Verbs that report speech only right after a quotation ("“...?” she asked"); elsewhere they mislead.
AFTER_QUOTE_ONLY_EN = (
    r"asked|asks|continued|continues|observed|concluded|countered|predicted|promised|pledged|confirmed|"
    r"claimed|claims|agreed|maintained|posted|explained|went on|laughed|sighed|mused|muses|"
    r"revealed|reveals|suggested|suggests|offered|simpered|gushed|gushes|boasted|boasts"
)
PARTICIPLES_EN = (
    r"saying|adding|telling|insisting|noting|warning|arguing|explaining|stating|declaring|writing|asking|"
    r"proclaiming|announcing|recalling|tweeting|quipping|concluding|replying|urging"
)
SPEECH_VERBS_OTHER = (
    # ru
    r"сказал[аи]?|заявил[аи]?|отметил[аи]?|добавил[аи]?|подчеркнул[аи]?|сообщил[аи]?|пояснил[аи]?|"
    r"признал[аи]?|написал[аи]?|говорит|говорил[аи]?|заявляет|рассказал[аи]?|ответил[аи]?|считает|"
    # de
    r"sagte|sagt|sagten|erklärte|erklärt|betonte|betont|meinte|meint|warnte|schrieb|berichtete|"
    r"kritisierte|forderte|fügte|ergänzte|"
    # fr (past tenses with "a"; inverted "a-t-il dit" is read separately)
    r"a déclaré|a dit|a affirmé|a expliqué|a ajouté|a souligné|a indiqué|a assuré|a estimé|a martelé|"
    r"a lancé|a confié|a insisté|a précisé|a reconnu|a averti|déclare|affirme|explique|ajoute|souligne|"
    r"estime|précise|raconte|confie|"
    # es
    r"dijo|afirmó|declaró|explicó|señaló|añadió|aseguró|indicó|manifestó|advirtió|sostuvo|agregó|"
    r"apuntó|subrayó|destacó|comentó|expresó|dice|afirma|explica|asegura|"
    r"ha dicho|ha explicado|ha afirmado|ha asegurado|ha señalado|ha añadido|ha declarado|ha indicado|"
    r"ha advertido|ha subrayado|ha destacado|ha reconocido|ha manifestado|ha apuntado|"
    # cs
    r"píše|napsal[a]?|řekl[a]?|uvedl[a]?|dodal[a]?|prohlásil[a]?|přidává|doplnil[a]?|sdělil[a]?|"
    r"konstatoval[a]?|upozornil[a]?|míní|říká|tvrdí|přirovnává|"
    # it
    r"ha detto|ha affermato|ha dichiarato|ha spiegato|ha aggiunto|ha sottolineato|ha commentato|"
    r"ha ribadito|ha osservato|ha concluso|ha scritto|ha raccontato|afferma|spiega|aggiunge|sottolinea|"
    # pt
    r"disse|afirmou|declarou|explicou|acrescentou|ressaltou|destacou|comentou|contou|observou|garantiu|"
    r"avaliou|apontou|falou|completou|frisou|lembrou|diz|afirma"
)
SPEECH_VERB = re.compile(
    rf"(?<![\w-])(?:(?P<participle>{PARTICIPLES_EN})|(?P<verb>{SPEECH_VERBS_EN}|{SPEECH_VERBS_OTHER}))(?![\w-])",
    re.IGNORECASE,
)
AFTER_QUOTE_VERB = re.compile(rf"{SPEECH_VERBS_EN}|{AFTER_QUOTE_ONLY_EN}|{SPEECH_VERBS_OTHER}", re.IGNORECASE)
# "according to X", "selon X", "laut X", "по словам X"...: X is the speaker.
ACCORDING_TO = re.compile(
    r"(?<!\w)(?:according to|selon|laut|zufolge|según|secondo|segundo|по словам|так считает)\s+", re.IGNORECASE
)
# French inversion: "a-t-il déclaré", "explique-t-elle", "ajoute-t-il".
FRENCH_INVERSION = re.compile(r"^\W*(?:a-t-|[a-zéèê]+-t-|[a-zéèê]+-)(?:il|elle|ils|elles)\b", re.IGNORECASE)
# German "so Scholz" right after a quotation: „...“, so Scholz.
GERMAN_SO = re.compile(r"^[\s,–—-]*so\s+(?=[A-ZÄÖÜ])")

# Chinese: 卢宇说，“...” / “...”卢宇说 ; Japanese: 田中首相は「...」と述べた / 「...」と田中首相は語った.
CJK_NAME = r"[他她]|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff]{2,4}"  # 丹尼尔·霍特, 卢宇
CJK_ROLES = ("发言人", "教授", "总统", "主席", "部长", "总理", "主任", "局长", "经理", "专家", "记者", "官员", "博士", "先生", "女士")
CJK_NAME_START = "|".join(["^", "(?<=[的，。、：；\\s])", *(f"(?<={role})" for role in CJK_ROLES)])
CJK_ASIDE = r"(?:[(（][^()（）]{1,40}[)）])?"  # 丹尼尔·霍特(Daniel Huot)表示
CHINESE_VERBS = r"说|表示|指出|称|强调|认为|写道|介绍|坦言"
CHINESE_BEFORE = re.compile(rf"(?:{CJK_NAME_START})(?P<who>{CJK_NAME}){CJK_ASIDE}(?:{CHINESE_VERBS})[：:，,]?\s*$")
CHINESE_AFTER = re.compile(rf"^[，,]?\s*(?P<who>{CJK_NAME})(?:{CHINESE_VERBS})")
JAPANESE_VERBS = r"述べ|語っ|話し|言っ|説明し|強調し|明かし|答え|訴え|指摘し"
JAPANESE_AFTER = re.compile(rf"^と(?:、)?(?:(?P<who>[^\s、。「」]{{1,15}}?)(?:は|が)、?)?(?:{JAPANESE_VERBS})")
JAPANESE_BEFORE = re.compile(r"(?:^|(?<=[、。\s]))(?P<who>[^\s、。「」]{1,15}?)(?:は|が)、?\s*$")
CJK_PRONOUNS = frozenset({"他", "她", "彼", "彼女"})
PRONOUNS = frozenset({
    "he", "she", "they", "er", "sie", "il", "elle", "ils", "elles", "él", "ella", "ellos", "lui", "lei",
    "ele", "ela", "eles", "он", "она", "они",
})
IMPERSONAL_PRONOUNS = frozenset({"it"})  # "“...,” it says": an organisation or a report named before, never a person
FIRST_AND_SECOND_PERSON = frozenset({"i", "we", "you", "ich", "wir", "je", "nous", "yo", "io", "eu", "я", "мы"})
# After a verb, "il" is the Italian article ("ha detto il ministro"); French inverts with a hyphen ("a-t-il").
ARTICLES_AFTER_A_VERB = frozenset({"il"})
AUXILIARIES = frozenset({
    "has", "have", "had", "was", "is", "also", "later", "then", "again", "previously", "repeatedly", "once",
    "would", "will", "recently", "further", "earlier", "reportedly", "already", "just", "quickly",
    "simply", "flatly", "publicly", "privately", "hat", "hatte", "также", "ещё", "еще",
    "allegedly", "often", "always", "famously", "did", "does", "ha", "han",
})
DETERMINERS = frozenset({
    "a", "an", "the", "one", "another", "his", "her", "its", "their", "our", "this", "that", "two", "three",
    "several", "some", "many", "le", "la", "les", "un", "une", "der", "die", "das", "ein", "eine", "el", "los",
    "las", "una", "il", "lo", "gli", "o", "os", "um", "uma",
})
ROLE_NOUNS = frozenset({
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "police", "experts", "expert",
    "analyst", "analysts", "officer", "officers", "source", "sources", "minister", "ministry", "president",
    "lawyer", "lawyers", "attorney", "prosecutor", "prosecutors", "witness", "witnesses", "resident",
    "residents", "statement", "report", "doctor", "doctors", "scientist", "scientists", "researcher",
    "researchers", "authorities", "government", "company", "agency", "army", "military", "spokesmen",
    "investigators", "critics", "supporters", "activists", "leader", "leaders", "diplomat", "diplomats",
    "executive", "director", "chairman", "mayor", "governor", "senator", "lawmaker", "lawmakers", "aide",
    "aides", "judge", "coach", "manager", "owner", "founder", "ceo", "professor", "teacher", "student",
    "students", "parents", "mother", "father", "study", "paper", "court", "council", "department",
})
# Role nouns that name a body or a document, not a person: what "it" may stand for.
THING_ROLES = frozenset({
    "ministry", "statement", "report", "government", "company", "agency", "army", "military", "study", "paper",
    "court", "council", "department", "police", "authorities",
})
CONJUNCTIONS = frozenset({"and", "y", "e", "und", "et", "и", "a", "ed"})
CLAUSE_WORDS = frozenset({
    "that", "which", "who", "whom", "and", "but", "as", "when", "while", "after", "before", "because", "if",
    "where", "although", "though", "since", "than", "whether", "or", "so", "yet", "what", "how",
    "que", "qui", "dass", "und", "aber", "y", "e", "ma", "mas", "что", "и", "но", "как",
})
REFLEXIVES = frozenset({"se", "si", "sich", "себе"})
PREPOSITIONS = frozenset({
    "na", "v", "ve", "auf", "sur", "en", "em", "no",
    "of", "for", "at", "from", "in", "with", "on", "to", "by", "de", "des", "du", "der", "von", "del", "della",
    "dos", "das", "da", "do", "für", "bei", "в", "из", "при", "di", "dei", "degli", "delle", "dello", "per",
    "con", "su", "para", "por", "aux", "au", "beim", "vom", "zum", "zur", "am", "im", "nas", "nos",
})
TITLE_WORDS = frozenset({
    "president", "vice", "prime", "minister", "foreign", "defence", "defense", "secretary", "chancellor",
    "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "general", "gen", "colonel", "col",
    "lieutenant", "lt", "major", "maj", "captain", "capt", "sergeant", "sgt", "admiral", "adm", "chief",
    "judge", "justice", "king", "queen", "prince", "princess", "pope", "sheikh", "professor", "prof",
    "director", "chairman", "chairwoman", "chair", "ceo", "spokesman", "spokeswoman", "coach", "officer",
    "detective", "inspector", "ambassador", "commissioner", "speaker", "leader", "deputy", "executive",
    "founder", "senior", "former", "acting", "attorney", "sir", "dame", "lord", "lady", "supt", "det",
    "bundeskanzler", "bundeskanzlerin", "kanzler", "kanzlerin", "präsident", "präsidentin", "ministerin",
    "bürgermeister", "bürgermeisterin", "sprecher", "sprecherin", "chef", "chefin", "außenministerin",
    "außenminister", "regierungssprecher", "st", "saint", "first", "state",
})
# German compounds end in the office: "Bahn-Vorstand", "Bundesinnenministerin", "Regierungssprecher".
GERMAN_TITLE = re.compile(
    r"(?:vorstand|chef|chefin|sprecher|sprecherin|minister|ministerin|präsident|präsidentin|vorsitzende|vorsitzender|"
    r"kanzler|kanzlerin|direktor|direktorin|leiter|leiterin|bürgermeister|bürgermeisterin|experte|expertin)$"
)
# Nouns a title of a work follows ("the movie Office Christmas Party"): the capitals after them name no person.
WORKS = frozenset({
    "movie", "film", "book", "novel", "song", "album", "show", "series", "play", "musical", "documentary", "podcast",
    "episode", "game", "app", "magazine", "newspaper", "column", "blog", "exhibition", "opera", "painting", "poem",
})
TITLE_SUFFIXES = ("-elect", "-designate", "-general")  # "President-elect Trump"
# Occupations that lead a name only as its label ("Sociologist Elizabeth Sweet", "VP Marni Walden"); unlike
# TITLE_WORDS they are dropped only in front, since some are surnames too ("Peter Singer").
OCCUPATIONS = frozenset({
    "vp", "svp", "evp", "cfo", "cto", "coo", "cmo", "economist", "sociologist", "historian", "scientist", "analyst",
    "author", "actor", "actress", "singer", "rapper", "comedian", "journalist", "reporter", "novelist", "producer",
    "designer", "engineer", "researcher", "strategist", "physicist", "psychologist", "biologist", "astronaut",
    "lawyer", "investor", "entrepreneur", "activist", "artist", "filmmaker", "photographer", "architect", "poet",
})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mme", "m", "herr", "frau", "señor", "señora", "sr", "sra", "dott"})
ARTICLE_PARTICLES = frozenset({"der", "den", "la", "le", "ter"})  # particles only after "van", "von", "de"
NAME_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "van", "von", "der", "den", "al", "bin", "ibn", "di", "del", "della", "la", "le", "du", "ter"})
# Capitalised words that are never part of a speaker's name.
NOT_NAME_WORDS = frozenset({
    "i", "we", "you", "it", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "earlier", "later", "today", "yesterday", "tomorrow", "tonight", "last", "next", "this",
    "according", "meanwhile", "however", "although", "in", "on", "at", "as", "if", "when", "while",
    "another", "others", "someone", "somebody", "everyone", "nobody",
})
SENTENCE_START_WORDS = frozenset({
    "the", "but", "and", "yet", "so", "then", "now", "still", "in", "on", "at", "for", "this", "that", "these",
    "those", "there", "here", "when", "while", "after", "before", "meanwhile", "however", "instead", "despite",
})
PERSON_NOUNS = (ROLE_NOUNS | OCCUPATIONS) - THING_ROLES  # "a senior official", "the harbour master's lawyer"
