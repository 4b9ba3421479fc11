"""Word lists for the entities stage, kept as data so each can be read and argued with.

All of it is general knowledge (titles, organisation head words, the world's countries,
regions and capitals): nothing here names anything particular to one article.
"""

from __future__ import annotations

from briefgen.analysis.lexicon import MONTHS, WEEKDAYS

# Titles, honorifics and roles written directly before a name ("Rear Admiral Yin Zhuo",
# "Dr. Lee", "the team coach, Pak Song-jin") are lexicon.TITLES. Matching is case-blind;
# the name after a lower-case role must have two or more words (see WEAK_TITLES for why).

# Title words that are also ordinary words in names of things ("General Motors",
# "Major League", "Justice Department", "Chief Executive", "Tech Fellow for Modeling and
# Simulation", "Head Start"): a name after them needs two or more words. Lower-case
# titles are treated the same way.
WEAK_TITLES: frozenset[str] = frozenset({
    "general", "major", "justice", "chief", "leader", "official", "officer", "captain",
    "champion", "player", "author", "deputy", "director", "lord", "sir", "dame",
    "fellow", "head", "manager", "counsel", "lady",
})

# Words after "of"/"for" in an office name ("Secretary of State", "Minister for Foreign
# Affairs", "Speaker of Parliament"); the person's name comes after them, not before.
OFFICE_WORDS: frozenset[str] = frozenset({
    "state", "defence", "defense", "foreign", "affairs", "finance", "trade", "health",
    "education", "justice", "interior", "commerce", "energy", "agriculture", "labor",
    "labour", "transport", "treasury", "home", "war", "the", "and", "economy", "industry",
    "sport", "sports", "culture", "environment", "security", "homeland", "staff", "joint",
    "chiefs", "navy", "army",
    # chambers a speaker presides over ("Speaker" is a title: lexicon.TITLES)
    "parliament", "house", "assembly",
})

# Speech verbs (lexicon.SPEECH_VERBS) that, right after a bare name or right before it,
# show it is a person speaking ("Kim Lee said", "said Kim Lee"): the tensed forms of
# personal speech. Not the rest of the speech verbs: a participle follows an object as
# often as a subject ("the head of the Klan saying"), verbs of judgement take a company
# or a project for object as often as a person ("described Oyu Tolgoi as"), and
# documents and organisations "provide", "report" and "estimate".
PERSON_SPEECH_VERBS: frozenset[str] = frozenset({
    "said", "says", "stated", "states", "told", "tells", "added", "adds", "argued", "argues",
    "noted", "notes", "wrote", "writes", "explained", "explains", "warned", "warns",
    "claimed", "claims", "insisted", "insists", "declared", "declares", "announced",
    "remarked", "commented", "emphasized", "emphasised", "stressed", "observed", "asked",
    "replied", "responded", "acknowledged", "admitted", "suggested", "recalled", "concluded",
    "contended", "maintained", "predicted", "urged",
})
# ... and verbs of opinion, which introduce a view, though not quoted words.
PERSON_VERBS: frozenset[str] = PERSON_SPEECH_VERBS | frozenset({"believes", "believed"})

# Role nouns that, within three words after "Name, a/an/the", mark Name as a person
# ("Lee, a professor at", "Lee, the Korean admiral"). Only nouns: modifiers such as
# "senior" or "research" also describe places and things.
ROLE_WORDS: frozenset[str] = frozenset({
    "professor", "lecturer", "researcher", "fellow", "scholar", "analyst", "expert",
    "director", "spokesperson", "spokesman", "spokeswoman", "minister", "official",
    "diplomat", "ambassador", "journalist", "reporter", "editor", "author", "writer",
    "historian", "economist", "politician", "lawmaker", "senator", "general", "admiral",
    "commander", "officer", "coach", "player", "athlete", "captain", "leader", "chairman",
    "chairwoman", "president", "founder", "ceo", "deputy", "student", "intern", "adviser",
    "advisor", "consultant", "lawyer", "judge", "activist", "specialist", "secretary",
    "governor", "mayor", "candidate", "envoy", "novelist", "poet", "artist", "scientist",
    "engineer", "entrepreneur", "businessman", "businesswoman", "billionaire", "dissident",
    "defector", "medallist", "medalist", "champion", "warlord", "emperor", "king", "queen",
    "prince", "princess", "colonel", "soldier", "veteran",
    "speaker",  # "the parliamentary speaker, Ana Rojas,": a chamber's presiding officer
})


# Head words that do not make an organisation on their own ("the Army", "the Office");
# one of these must come with at least one other capitalised word.
ORG_STANDALONE: frozenset[str] = frozenset({
    "congress", "senate", "parliament", "pentagon", "kremlin", "politburo", "knesset",
    "duma", "bundestag", "interpol", "europol",
})

# Very well-known international organisations written as acronyms, with the tag shown.
# General knowledge, so an acronym the article uses without defining still reads as an
# organisation. Ambiguous ones ("WHO" is also the shouted pronoun) are left out.
KNOWN_ORG_ACRONYMS: frozenset[str] = frozenset({
    "NATO", "UN", "EU", "ASEAN", "OECD", "IMF", "WTO", "OPEC", "BRICS", "IAEA", "UNESCO",
    "UNICEF", "UNHCR", "UNSC", "UNGA", "ICC", "ICJ", "SCO", "APEC", "CSTO", "OSCE", "G7",
    "G20", "FIFA", "IOC", "AIIB", "CCP", "CPC", "PLA", "FBI", "CIA", "NSA", "DOD", "DoD",
    "KGB", "FSB", "GRU", "MI6", "ECB", "ECOWAS", "NAFTA", "USMCA", "AUKUS",
})

# Words that introduce a place name directly after them: "in Nagoya", "across Hokkaido".
# "the" is not allowed in between (that is where "in the Asian Games" lives); places
# written with "the" are found through the lists below instead. Not "from" ("a call from
# Putin"), "to" ("according to Reuters") or "visited" ("visited Kim"): they introduce
# people as often as places; listed places after them are still found.
LOCATIVE_PREPOSITIONS: frozenset[str] = frozenset({
    "in", "into", "across", "throughout", "within", "inside", "near", "outside",
})

# First words of two-word place names ("New Haven", "San Remo", "Port Said"). An unlisted
# place after a preposition is one word, or two starting with one of these: two plain
# capitalised words are as likely a person ("in Lee Yang's view").
PLACE_PREFIXES: frozenset[str] = frozenset({
    "new", "san", "santa", "santo", "são", "saint", "st.", "port", "fort", "los", "las",
    "el", "al", "mount", "mt.", "lake", "cape", "north", "south", "east", "west", "upper",
    "lower", "greater", "great", "little", "old", "le", "la", "ho", "kuala", "abu", "bandar",
})

# Capitalised words that are not names: sentence openers, pronouns, months, days,
# seasons and other words that stand capitalised for reasons of grammar or dates.
COMMON_CAPS: frozenset[str] = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
    "we", "i", "you", "his", "her", "their", "our", "my", "your", "there", "here", "then",
    "and", "but", "or", "nor", "so", "yet", "for", "if", "when", "while", "after", "before",
    "since", "as", "because", "although", "though", "despite", "however", "meanwhile",
    "moreover", "furthermore", "also", "still", "even", "only", "just", "both", "each",
    "every", "all", "many", "most", "some", "several", "few", "other", "another", "such",
    "in", "on", "at", "by", "with", "from", "to", "of", "into", "under", "over", "about",
    "according", "during", "between", "among", "against", "without", "within", "through",
    "what", "which", "who", "whom", "whose", "where", "why", "how", "whether", "not", "no",
    "yes", "one", "two", "three", "first", "second", "third", "last", "next", "now",
    "today", "yesterday", "tomorrow", "well", "thank", "thanks", "please", "ladies",
    "gentlemen", "excellencies", "excellency", "okay", "ok", "let", "once", "until",
    "unlike", "like", "instead", "indeed", "given", "amid", "whereas", "overall",
    "finally", "similarly", "likewise", "therefore", "thus", "hence", "again",
    "spring", "summer", "autumn", "winter", "fall",
    "image", "source", "photo", "credit", "read", "share", "updated", "note", "see",
    "chapter", "section", "figure", "table", "part", "page", "q", "a.m.", "p.m.",
}) | frozenset(MONTHS) | frozenset(WEEKDAYS)

# Nationality adjectives and languages: capitalised, but they name no place ("in
# Chinese", "Russian experts"). A run made only of these is not a place.
DEMONYMS: frozenset[str] = frozenset({
    "american", "british", "english", "chinese", "russian", "japanese", "korean",
    "taiwanese", "indian", "australian", "french", "german", "italian", "spanish",
    "portuguese", "arabic", "arab", "iranian", "persian", "turkish", "ukrainian", "polish",
    "european", "asian", "african", "western", "eastern", "northern", "southern", "soviet",
    "sino", "mandarin", "cantonese", "hindi", "urdu", "hebrew", "israeli", "palestinian",
    "pakistani", "afghan", "syrian", "iraqi", "saudi", "egyptian", "canadian", "mexican",
    "brazilian", "latin", "nordic", "baltic", "swedish", "finnish", "norwegian", "danish",
    "dutch", "belgian", "swiss", "austrian", "greek", "serbian", "vietnamese", "thai",
    "filipino", "indonesian", "malaysian", "singaporean", "burmese", "mongolian",
    "kazakh", "uzbek", "turkmen", "kyrgyz", "tajik", "georgian", "armenian", "azerbaijani",
    "belarusian", "czech", "slovak", "hungarian", "romanian", "bulgarian", "croatian",
    "nigerian", "kenyan", "ethiopian", "south", "north", "east", "west", "central",
    "communist", "islamic", "muslim", "christian", "jewish", "buddhist", "catholic",
    "olympic", "olympics", "paralympic", "international", "national", "global", "federal",
})

# Event and document words: a capitalised run containing one is not a place even
# after "in" ("in Tokyo Summer Olympics" is an event, "in Ukraine Support Act" a law).
NON_PLACE_HEADS: frozenset[str] = frozenset({
    "games", "olympics", "olympic", "cup", "championship", "championships", "summit",
    "war", "act", "treaty", "agreement", "accord", "accords", "declaration", "plan",
    "report", "strategy", "initiative", "review", "conference", "forum", "dialogue",
    "talks", "process", "protocol", "convention", "charter", "doctrine", "day", "week",
    "year", "prize", "award", "festival", "expo", "show", "league", "open", "series",
    "crisis", "revolution", "movement", "policy", "law", "bill", "resolution", "program",
    "programme", "project", "operation", "exercise", "order", "round", "times", "post",
    "news", "journal", "magazine", "press", "daily", "account", "street",
    "affairs", "quarterly", "weekly", "monthly", "herald", "tribune", "gazette",
})

# The world's sovereign states (UN members and observers, plus Taiwan and Kosovo) and
# their capitals, as written in English news. Ambiguous capitals that are common words
# or given names (Male, Victoria, Kingston, Georgetown, Nassau, Praia...) are left out,
# so they count as places only when a preposition marks them.
COUNTRIES_AND_CAPITALS: tuple[tuple[str, str], ...] = (
    ("Afghanistan", "Kabul"), ("Albania", "Tirana"), ("Algeria", "Algiers"),
    ("Andorra", ""), ("Angola", "Luanda"), ("Antigua and Barbuda", ""),
    ("Argentina", "Buenos Aires"), ("Armenia", "Yerevan"), ("Australia", "Canberra"),
    ("Austria", "Vienna"), ("Azerbaijan", "Baku"), ("Bahamas", ""), ("Bahrain", "Manama"),
    ("Bangladesh", "Dhaka"), ("Barbados", ""), ("Belarus", "Minsk"), ("Belgium", "Brussels"),
    ("Belize", ""), ("Benin", "Porto-Novo"), ("Bhutan", "Thimphu"), ("Bolivia", "La Paz"),
    ("Bosnia and Herzegovina", "Sarajevo"), ("Botswana", "Gaborone"), ("Brazil", "Brasília"),
    ("Brunei", ""), ("Bulgaria", "Sofia"), ("Burkina Faso", "Ouagadougou"),
    ("Burundi", "Gitega"), ("Cabo Verde", ""), ("Cambodia", "Phnom Penh"),
    ("Cameroon", "Yaoundé"), ("Canada", "Ottawa"), ("Central African Republic", "Bangui"),
    ("Chad", "N'Djamena"), ("Chile", ""), ("China", "Beijing"), ("Colombia", "Bogotá"),
    ("Comoros", ""), ("Congo", "Brazzaville"), ("Democratic Republic of the Congo", "Kinshasa"),
    ("Costa Rica", ""), ("Côte d'Ivoire", "Yamoussoukro"), ("Croatia", "Zagreb"),
    ("Cuba", "Havana"), ("Cyprus", "Nicosia"), ("Czech Republic", "Prague"),
    ("Czechia", ""), ("Denmark", "Copenhagen"), ("Djibouti", ""), ("Dominica", ""),
    ("Dominican Republic", "Santo Domingo"), ("Ecuador", "Quito"), ("Egypt", "Cairo"),
    ("El Salvador", "San Salvador"), ("Equatorial Guinea", "Malabo"), ("Eritrea", "Asmara"),
    ("Estonia", "Tallinn"), ("Eswatini", ""), ("Ethiopia", "Addis Ababa"), ("Fiji", "Suva"),
    ("Finland", "Helsinki"), ("France", "Paris"), ("Gabon", "Libreville"), ("Gambia", "Banjul"),
    ("Georgia", "Tbilisi"), ("Germany", "Berlin"), ("Ghana", "Accra"), ("Greece", "Athens"),
    ("Grenada", ""), ("Guatemala", ""), ("Guinea", "Conakry"), ("Guinea-Bissau", "Bissau"),
    ("Guyana", ""), ("Haiti", "Port-au-Prince"), ("Honduras", "Tegucigalpa"),
    ("Hungary", "Budapest"), ("Iceland", "Reykjavik"), ("India", "New Delhi"),
    ("Indonesia", "Jakarta"), ("Iran", "Tehran"), ("Iraq", "Baghdad"), ("Ireland", "Dublin"),
    ("Israel", "Jerusalem"), ("Italy", "Rome"), ("Jamaica", ""), ("Japan", "Tokyo"),
    ("Jordan", "Amman"), ("Kazakhstan", "Astana"), ("Kenya", "Nairobi"), ("Kiribati", ""),
    ("Kosovo", "Pristina"), ("Kuwait", ""), ("Kyrgyzstan", "Bishkek"), ("Laos", "Vientiane"),
    ("Latvia", "Riga"), ("Lebanon", "Beirut"), ("Lesotho", "Maseru"), ("Liberia", "Monrovia"),
    ("Libya", "Tripoli"), ("Liechtenstein", "Vaduz"), ("Lithuania", "Vilnius"),
    ("Luxembourg", ""), ("Madagascar", "Antananarivo"), ("Malawi", "Lilongwe"),
    ("Malaysia", "Kuala Lumpur"), ("Maldives", ""), ("Mali", "Bamako"), ("Malta", "Valletta"),
    ("Marshall Islands", "Majuro"), ("Mauritania", "Nouakchott"), ("Mauritius", "Port Louis"),
    ("Mexico", "Mexico City"), ("Micronesia", ""), ("Moldova", "Chisinau"), ("Monaco", ""),
    ("Mongolia", "Ulaanbaatar"), ("Montenegro", "Podgorica"), ("Morocco", "Rabat"),
    ("Mozambique", "Maputo"), ("Myanmar", "Naypyidaw"), ("Burma", "Yangon"),
    ("Namibia", "Windhoek"), ("Nauru", ""), ("Nepal", "Kathmandu"),
    ("Netherlands", "Amsterdam"), ("New Zealand", "Wellington"), ("Nicaragua", "Managua"),
    ("Niger", "Niamey"), ("Nigeria", "Abuja"), ("North Korea", "Pyongyang"),
    ("North Macedonia", "Skopje"), ("Norway", "Oslo"), ("Oman", "Muscat"),
    ("Pakistan", "Islamabad"), ("Palau", ""), ("Palestine", "Ramallah"), ("Panama", ""),
    ("Papua New Guinea", "Port Moresby"), ("Paraguay", "Asunción"), ("Peru", "Lima"),
    ("Philippines", "Manila"), ("Poland", "Warsaw"), ("Portugal", "Lisbon"), ("Qatar", "Doha"),
    ("Romania", "Bucharest"), ("Russia", "Moscow"), ("Rwanda", "Kigali"),
    ("Saint Kitts and Nevis", ""), ("Saint Lucia", ""), ("Saint Vincent and the Grenadines", ""),
    ("Samoa", "Apia"), ("San Marino", ""), ("São Tomé and Príncipe", ""),
    ("Saudi Arabia", "Riyadh"), ("Senegal", "Dakar"), ("Serbia", "Belgrade"),
    ("Seychelles", ""), ("Sierra Leone", "Freetown"), ("Singapore", ""),
    ("Slovakia", "Bratislava"), ("Slovenia", "Ljubljana"), ("Solomon Islands", "Honiara"),
    ("Somalia", "Mogadishu"), ("South Africa", "Pretoria"), ("South Korea", "Seoul"),
    ("South Sudan", "Juba"), ("Spain", "Madrid"), ("Sri Lanka", "Colombo"), ("Sudan", "Khartoum"),
    ("Suriname", "Paramaribo"), ("Sweden", "Stockholm"), ("Switzerland", "Bern"),
    ("Syria", "Damascus"), ("Taiwan", "Taipei"), ("Tajikistan", "Dushanbe"),
    ("Tanzania", "Dodoma"), ("Thailand", "Bangkok"), ("Timor-Leste", "Dili"), ("Togo", "Lomé"),
    ("Tonga", "Nuku'alofa"), ("Trinidad and Tobago", ""), ("Tunisia", "Tunis"),
    ("Turkey", "Ankara"), ("Türkiye", ""), ("Turkmenistan", "Ashgabat"), ("Tuvalu", "Funafuti"),
    ("Uganda", "Kampala"), ("Ukraine", "Kyiv"), ("United Arab Emirates", "Abu Dhabi"),
    ("United Kingdom", "London"), ("United States", "Washington"), ("Uruguay", "Montevideo"),
    ("Uzbekistan", "Tashkent"), ("Vanuatu", "Port Vila"), ("Vatican City", ""),
    ("Venezuela", "Caracas"), ("Vietnam", "Hanoi"), ("Yemen", "Sanaa"), ("Zambia", "Lusaka"),
    ("Zimbabwe", "Harare"),
)

# Regions, seas and territories that briefings on international affairs keep naming.
REGIONS: tuple[str, ...] = (
    "Africa", "Asia", "Europe", "Oceania", "Eurasia", "Antarctica", "Arctic", "Antarctic",
    "North America", "South America", "Latin America", "Central America", "Americas",
    "Caribbean", "Middle East", "Near East", "Far East", "Russian Far East", "East Asia",
    "Northeast Asia", "Southeast Asia", "South Asia", "Central Asia", "West Asia",
    "Eastern Europe", "Western Europe", "Central Europe", "Northern Europe",
    "Southern Europe", "Central and Eastern Europe", "Balkans", "Western Balkans", "Baltics",
    "Caucasus", "South Caucasus", "North Caucasus", "Scandinavia", "Nordics", "Sahel",
    "Horn of Africa", "North Africa", "West Africa", "East Africa", "Southern Africa",
    "Sub-Saharan Africa", "Maghreb", "Levant", "Gulf", "Persian Gulf", "Arabian Peninsula",
    "Indo-Pacific", "Asia-Pacific", "Pacific", "Atlantic", "Indian Ocean", "Pacific Ocean",
    "Atlantic Ocean", "Arctic Ocean", "Mediterranean", "Black Sea", "Baltic Sea", "Red Sea",
    "Caspian Sea", "North Sea", "South China Sea", "East China Sea", "Yellow Sea",
    "Sea of Japan", "Sea of Okhotsk", "Taiwan Strait", "Strait of Hormuz", "Strait of Malacca",
    "Korean Peninsula", "Crimea", "Donbas", "Donbass", "Siberia", "Tibet", "Xinjiang",
    "Hong Kong", "Macau", "Macao", "Kashmir", "Gaza", "Gaza Strip", "West Bank",
    "Greenland", "Puerto Rico", "Guam", "Okinawa", "Kaliningrad", "Transnistria",
    "Nagorno-Karabakh", "Kurdistan", "Western Sahara", "Soviet Union", "Global South",
    "Global North", "Pacific Islands", "Korea",
)

# Other names for the same place; the tag shows the common English name.
PLACE_ALIASES: tuple[tuple[str, str], ...] = (
    ("U.S.", "United States"), ("US", "United States"), ("USA", "United States"),
    ("U.S.A.", "United States"), ("United States of America", "United States"),
    ("America", "United States"), ("UK", "United Kingdom"), ("U.K.", "United Kingdom"),
    ("Britain", "United Kingdom"), ("Great Britain", "United Kingdom"),
    ("Russian Federation", "Russia"), ("People's Republic of China", "China"),
    ("PRC", "China"), ("Mainland China", "China"), ("Republic of Korea", "South Korea"),
    ("ROK", "South Korea"), ("Democratic People's Republic of Korea", "North Korea"),
    ("DPRK", "North Korea"), ("Republic of China", "Taiwan"), ("Chinese Taipei", "Taiwan"),
    ("UAE", "United Arab Emirates"), ("Ivory Coast", "Côte d'Ivoire"),
    ("Viet Nam", "Vietnam"), ("Islamic Republic of Iran", "Iran"),
)

# Lower-case words allowed inside a capitalised run ("Ministry of Foreign Affairs",
# "Belt and Road Initiative", "Bosnia and Herzegovina").
CONNECTORS = frozenset({
    "of", "for", "and", "the", "on", "de", "du", "la", "le", "van", "von", "der", "al", "bin",
})

# Name particles that may stand inside a person's name ("Ursula von der Leyen").
NAME_PARTICLES = frozenset({"van", "von", "der", "de", "al", "bin", "la", "le", "du"})
