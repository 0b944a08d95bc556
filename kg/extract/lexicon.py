"""Word lists the extraction rules read: rules as data, in one place.

Every list is about English news reporting in general; none names an article,
a person or a phrase from the development articles.
"""

from __future__ import annotations

# Verbs that report a proposition held true by their subject (lemmas).
ASSERT_VERBS = frozenset(
    """
    say tell add note state claim allege assert insist confirm warn believe think suggest estimate
    argue contend maintain explain stress emphasise emphasize observe remark reckon conclude report
    announce acknowledge admit concede reveal disclose indicate show predict forecast expect fear
    write declare accuse threaten vow pledge promise point caution hint agree testify signal tweet
    post recall comment reply respond counter charge assess judge understand attribute blame repeat
    reiterate fume scoff complain lament retort snap thunder quip boast protest suspect link find recommend
    """.split()
)
# Not knowing is no denial: "it could not verify the report" (with the reporting verbs).
KNOWING_VERBS = frozenset("know verify see identify establish rule decide comment respond doubt".split())
# Acts a group claims as its own: "claimed the attack", "claimed responsibility for the hack".
CLAIMABLE_ACTS = frozenset("attack hack breach bombing strike intrusion raid sabotage".split())
# What a source refuses to tell: "it would not comment on", "would not name the business" report
# no proposition of its own.
WITHHOLDING_VERBS = frozenset("comment speculate elaborate name identify disclose discuss".split())
# Words of telling whose "to X" / "with X" is the newsroom addressed, not a party to the story:
# "in a statement to ABN", "in an interview with the Ledger", "speaking to reporters".
TELLING_WORDS = frozenset("interview statement remark comment speak talk".split())
# "declined to comment further", "refused to say whether": a refusal, whatever the modal.
DECLINING_VERBS = frozenset("decline refuse".split())
# Negative pronouns, each with the word its positive form says instead: "nothing was taken" is
# contradicted by "something was taken".
NEGATIVE_PRONOUNS = {"nothing": "something", "nobody": "someone", "none": "some"}
# Verbs whose negation only says nothing was said: "did not comment on", "would not speculate".
SILENT_VERBS = frozenset("comment speculate elaborate".split())
# Verbs of saying whose negation before an indirect question is a refusal: "did not say what was
# considered" (while "could not explain why" and "cannot say who" state what is unknown).
SAYING_VERBS = frozenset("say tell specify".split())
# "gave no details", "made no mention of it": what was not said is no proposition.
UNSAID_OBJECTS = frozenset("detail mention comment".split())
# "X attributed A to B", "X blamed B for A", "X blamed A on B": B was behind A. The preposition
# that names who did it, and the one that names the act, for each verb.
BLAMING_VERBS = {"attribute": ("to", None), "blame": ("on", "for"), "link": ("to", None)}

# Reporting verbs whose subject must be a report for them to report: "the data show P".
EVIDENCE_VERBS = frozenset("show indicate".split())
# Reporting verbs that are never nouns: "Prosecutors allege she sold P", which the tagger may read
# as a noun "allege" modifying the clause, still reports P.
NEVER_NOUN_CUES = frozenset(
    "allege alleges contend contends insist insists assert asserts argue argues".split()
)

# Harms an attack is feared to have done: a source saying none was done ("no customer data was
# accessed", "no classified systems had been compromised") denies that harm.
HARM_VERBS = frozenset(
    "affect compromise access steal leak expose exfiltrate tamper infect breach disrupt damage "
    "encrypt touch".split()
)

# Verbs of a clause that names what it describes: "a group that calls itself X", "known as X".
NAMING_VERBS = frozenset("call name know dub style term brand".split())

# What a search finds no trace of: "found no evidence that P" denies P.
TRACE_NOUNS = frozenset("evidence sign indication trace proof".split())
# Verbs of a state, not a deed: "nobody wants a war", "none of this is proof" deny no act.
STATIVE_VERBS = frozenset("be want need wish like prefer expect believe think seem remain mean".split())
# Verbs of a search: "its review turned up no links" reports what was found, denies no act of its own.
FINDING_VERBS = frozenset("find turn show reveal uncover detect identify establish yield".split())
# Verbs of what an observer saw: "it had recorded no violations" reports, denies nothing.
OBSERVING_VERBS = frozenset("record observe notice document witness".split())
# What "there is no X" finds missing without rebutting anything said: "there is no evidence that P",
# "there is no reason for panic" (while "there is no shadow fleet" denies that there is one); what one
# knows or can do: "had no idea", "had not received any evidence", "had no way to block it".
UNREBUTTING_NOUNS = TRACE_NOUNS | frozenset(
    "reason need doubt question information knowledge means ambiguity uncertainty idea clue inkling "
    "way record".split()
)

# Reporting verbs that, with an infinitive ("promised not to sell them"), undertake an act rather
# than state a proposition; with a clause ("pledged that P") they state one.
PLEDGING_VERBS = frozenset("promise pledge vow".split())

# Verbs that deny the proposition in their complement or object.
DENY_VERBS = frozenset("deny reject dismiss refute rebut repudiate disavow disclaim dispute".split())

# "X called / described Y (as) Z": the complement Z is a judgement of Y.
JUDGE_VERBS = frozenset(
    "call describe characterise characterize categorise categorize label brand term criticise criticize "
    "condemn highlight portray depict denounce slam dismiss".split()
)

# Judgements that reject what they are said of: "called the claims groundless".
DENIAL_JUDGEMENTS = frozenset(
    """
    groundless baseless false untrue unfounded absurd fabricated fabrication fake nonsense nonsensical
    lie lies slander smear inappropriate ridiculous preposterous speculation speculative
    misinformation disinformation propaganda provocation unsubstantiated fiction fictitious
    mania hysteria paranoia fantasy invention retaliation wrong incorrect inaccurate misleading
    defamatory libellous libelous slanderous
    """.split()
)

# Participles that continue the statement of the clause they hang from: "..., adding that P".
CONTINUING_PARTICIPLES = frozenset(
    "add note say warn stress argue insist explain claim suggest accuse allege tell repeat reiterate".split()
)
# "X accused / charged Y of / with P": the object did P.
ACCUSING_VERBS = {"accuse": "of", "charge": "with", "suspect": "of"}
# Appeals state nothing: "... and called on Russia to stop", hung by the parser on what was said.
APPEAL_VERBS = frozenset("call urge demand appeal implore".split())
# Where an act goes: the parser may leave these on a verb of accusing (*accused Y of shipping | to Z*).
DESTINATION_PREPS = frozenset("to through via into".split())

# Nouns that stand for a report and hand attribution to whoever made it.
REPORT_NOUNS = frozenset(
    "report reports information intelligence assessment statement study analysis data estimate "
    "estimates survey findings finding document documents review investigation order ruling advisory "
    "indictment filing filings figures statistics records".split()
)

# Verbs whose subject wrote the report in their object: "X published a report".
PUBLISHING_VERBS = frozenset("publish release issue produce compile write present submit file".split())

# Nouns for a contested proposition: "denied these allegations", "allegations of X, which ... denies".
CLAIM_NOUNS = frozenset(
    "allegation claim accusation charge report suggestion idea assertion rumour rumor speculation "
    "this that it notion statement remark comment story insinuation finding label attribution reporting "
    "coverage article indictment "
    "conclusion case account version criticism comparison warning".split()
)

# Nouns for a proposition someone put forward: "the claim by X that P", "X's accusation that P".
REPORTING_NOUNS = frozenset(
    "claim accusation allegation assertion charge suggestion warning insistence denial rejection "
    "finding conclusion assessment".split()
)
# Reporting nouns that deny what they report: "its denial that P".
DENIAL_NOUNS = frozenset("denial rejection".split())

# Claim nouns that name a proposition of their own rather than point back at one already reported:
# "dismissed the idea" is not "dismissed these allegations".
NON_ANAPHORIC_CLAIM_NOUNS = frozenset("idea notion suggestion proposal plan".split())
# Nouns of blame that a denial takes without naming the act: "denied any wrongdoing", "denied
# involvement in the attack". Each with how a sentence says it of someone ("X committed wrongdoing").
CULPABILITY_NOUNS = {
    "wrongdoing": "committed wrongdoing",
    "involvement": "was involved",
    "role": "played a role",
    "part": "played a part",
    "responsibility": "was responsible",
    "complicity": "was complicit",
    "knowledge": "knew",
}
# Words for a share of a whole: "most of that", "a third of this", "70 per cent of that".
SHARE_WORDS = frozenset(
    "percent cent most much half part share some all bulk majority proportion fraction third quarter".split()
)
# What a claim is when it holds: "that is not true" denies it.
TRUTH_WORDS = frozenset("true correct accurate".split())
# Claim nouns that name what someone was accused of: "called the charges a fabrication".
CHARGE_NOUNS = frozenset("charge accusation allegation indictment case".split())

# Plural nouns for unnamed collective sources: "experts say".
GROUP_NOUNS = frozenset(
    "expert analyst source observer critic official diplomat scholar researcher economist "
    "commentator insider investor lawmaker legislator academic specialist people prosecutor investigator "
    "detective regulator inspector auditor lawyer attorney engineer journalist activist broker trader "
    "shipper insurer dealer neighbour neighbor colleague friend relative party politician "
    "campaigner witness fisherman resident villager farmer worker customer employee survivor "
    "mep mp senator congressman congresswoman parliamentarian councillor councilor".split()
)

# "This included A, B and C": verbs that list what the statement before consisted of.
ENUMERATING_VERBS = frozenset("include involve comprise encompass".split())

# Plural nouns that, with "these", "both" or "the two", stand for the states named just before.
# "the country" alone is the state named last.
COUNTRY_NOUNS = frozenset(("country", "nation"))
STATE_COLLECTIVES = frozenset("government country nation side capital state neighbour neighbor".split())

# Words that mark the certainty of a statement rather than its content.
HEDGE_CUES = {
    "confirm": "confirmed",
    "say": "stated",
    "state": "stated",
    "allege": "alleged",
    "claim": "alleged",
    "accuse": "alleged",
    "charge": "alleged",
    "suggest": "suggested",
    "believe": "believed",
    "think": "believed",
    "estimate": "estimated",
    "expect": "expected",
    "fear": "suggested",
    "hint": "suggested",
}
MODAL_HEDGES = frozenset("may might could would likely possibly probably perhaps unlikely".split())

# Subordinators of a concessive clause that carries a proposition of its own.
CONCESSIVE_MARKS = frozenset("while although though whereas".split())

# What a person is, said in apposition to a name: "Tomasz Wrona, an independent analyst".
# Those close to a person, who speak for them when they cannot: "her family said", "his employer".
# Whom a speaker acts for: "his client had done nothing wrong", said by a lawyer, is a self-denial.
REPRESENTED_NOUNS = frozenset(("client",))
RELATIONS = frozenset(
    "family wife husband mother father sister brother son daughter parent employer partner".split()
)
PERSON_NOUNS = GROUP_NOUNS | frozenset(
    "spokesman spokeswoman spokesperson minister president leader ambassador envoy secretary adviser "
    "advisor director chief executive founder head professor fellow lecturer reporter student "
    "defendant suspect client person source".split()
) | RELATIONS
# Titles of people who speak for a business: with no business named, the one named last.
REPRESENTATIVE_ROLES = frozenset(
    "director executive ceo chairman chairwoman founder owner manager spokesman spokeswoman "
    "spokesperson".split()
)
# Pronouns that open a relative clause: "a firm that it accused of P", "X, which said P".
RELATIVE_PRONOUNS = frozenset("that which who whom".split())
PERSONAL_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}

# Speakers: the words that name bodies and the roles held in them.
# Nouns of a role a person holds for a body: "a spokesperson for X", "the minister".
ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson minister president leader premier chancellor ambassador "
    "envoy secretary adviser advisor official diplomat general commander chief director prosecutor "
    "investigator judge regulator inspector".split()
)
# Roles a person or a body may hold: "the regulator, the Financial Conduct Board" is a body.
PERSON_OR_BODY_NOUNS = frozenset("regulator auditor employer partner".split())
# Titles of those who run a business: "Ironveil founder X" speaks for Ironveil.
OFFICER_TITLES = frozenset("founder co-founder cofounder chairman chairwoman ceo executive owner".split())
# Nouns of bodies that speak: "the ministry said", "Danish police said".
ORG_NOUNS = frozenset(
    "government administration ministry department agency embassy police military army navy court "
    "media office council committee parliament commission authority authorities company firm mission bank "
    "spokesman spokesperson regime cabinet bureau service newspaper broadcaster intelligence "
    "counterintelligence prosecution watchdog regulator registry registrar coastguard inspectorate "
    "customs panel tribunal board university college hospital headquarters directorate secretariat "
    "club".split()
)
# Bodies of a state: their spokesman speaks for the state even when the title names no country.
STATE_BODIES = frozenset("ministry embassy mission government administration cabinet office".split())
# Documents prosecutors bring: "according to the indictment" is the prosecutors'.
PROSECUTION_DOCUMENTS = frozenset("indictment".split())
# Where a case is put: "a court heard P", "jurors were told P" report what the prosecution put to it
# ("jurors" too: opening a sentence, the tagger reads it as a name and keeps the plural).
HEARING_BODIES = frozenset("court jury juror jurors trial hearing tribunal inquest".split())
# Documents a body issues, named without their author: "according to the order / the advisory".
ISSUED_DOCUMENTS = frozenset("order ruling advisory filing findings".split())
# Records kept rather than written: with no author named, the records themselves are the source
# ("according to shipping records", "customs data show P").
RECORD_NOUNS = frozenset("data figures statistics records documents".split())
# Words for a body of people, any of which a later "the group" may mean.
COLLECTIVE_BODIES = frozenset(
    "group nonprofit non-profit ngo organisation organization charity network watchdog coalition alliance "
    "movement association foundation institute centre center lab laboratory".split()
)
# Offices only a state has: "Foreign Minister X" with no country named speaks for a state.
STATE_OFFICES = frozenset("minister ambassador envoy premier chancellor".split())
# Roles whose holders speak for a body.
VOICE_ROLES = frozenset("spokesman spokeswoman spokesperson".split())
# Those who speak for one person or body: "his lawyer", "her spokeswoman".
ADVOCATES = VOICE_ROLES | frozenset("lawyer attorney solicitor barrister counsel".split())
# What an apposition calls a body: "X, a network of exiles", "X, a UK-based monitoring group".
BODY_NOUNS = ORG_NOUNS - VOICE_ROLES | frozenset(
    "network organisation organization ngo charity coalition alliance movement institute centre center "
    "foundation association union federation observatory airline manufacturer nonprofit non-profit "
    "conglomerate lender distributor retailer group militia gang cartel faction operator exchange club "
    "league".split()
)
# Words in the name of a body that is no business.
PUBLIC_BODY_WORDS = frozenset(
    "ministry embassy government administration cabinet agency department police court council "
    "committee commission parliament authority office service institute centre center university "
    "foundation nations union bureau army navy federation confederation association league".split()
)

# Kinds of business: "the airline said" is the business the article named last.
COMPANY_NOUNS = frozenset(
    "company firm airline bank manufacturer maker carrier exporter shipper supplier operator "
    "conglomerate lender insurer contractor distributor trader retailer group utility exchange vendor "
    "provider".split()
)
# Last words of business names; the tagger takes some such names for people's.
CORPORATE_NAME_ENDS = frozenset(
    "metals trading logistics holdings industries industry group systems technologies technology "
    "electronics shipping airlines airline air cargo bank corp corporation inc ltd llc gmbh plc ag "
    "co company partners ventures enterprises engineering solutions components energy petroleum "
    "oil gas steel motors aerospace dynamics defence defense labs laboratories semiconductor "
    "semiconductors microelectronics telecom networks software security oy oyj ab as asa sa spa nv bv "
    "srl sro maritime analytics capital consulting freight marine tankers lines transport mining "
    "chemicals water power utilities electric rail railways pharma insurance collective".split()
)
DETERMINERS = frozenset("the a an some many several most few other these those this that such all".split())

# Page furniture: text that is part of the web page, not of the article.
FURNITURE_PHRASES = (
    "advertisement",
    "subscribe",
    "sign up",
    "newsletter",
    "learn more",
    "read more",
    "show more",
    "all rights reserved",
    "copyright",
    "cookie",
    "leave a reply",
    "back to top",
    "required fields",
    "join the discussion",
    "paid subscriber",
    "your email address",
    "follow us",
    "share this",
    "click here",
    "markets closed",
    "get more with",
    "related:",
    "recommended",
    "most read",
)
CAPTION_MARKERS = (
    "photo:",
    "photograph:",
    "image:",
    "picture:",
    "file photo",
    "(pictured",
    "getty images",
    "afp via",
    "reuters/",
)
BULLETS = ("•", "-", "*", "▪", "–", "·")
QUOTE_OPEN = "“«"  # single quotes are left out: ’ is also the apostrophe
QUOTE_CLOSE = "”»"
