"""The extractor on a table of short articles written for these tests, one per phenomenon.

Runs the real spaCy model. Each case gives the text and the statements expected,
as (speaker label, stance, a phrase the content must contain); every statement
found must be expected and every expected statement found.
"""

from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.extract.furniture import body_paragraphs
from kg.extract.speakers import SpeakerMemory
from kg.records import ActorKind, Article, Stance

pytestmark = pytest.mark.model

A, D = Stance.ASSERT, Stance.DENY

CASES = {
    "collective-of-the-states-named-before": (
        "Armenia and Azerbaijan met in Vienna on Monday. "
        "Both governments said they had agreed to reopen the border.",
        [("Armenia", A, "Armenia and Azerbaijan had agreed"),
         ("Azerbaijan", A, "Armenia and Azerbaijan had agreed")],
    ),
    "speaker-is-a-national-service": (
        "Dutch intelligence said the ship had mapped the undersea cables.",
        [("Dutch intelligence", A, "mapped the undersea cables")],
    ),
    "plural-officials-of-an-inquiry": (
        "Prosecutors said the suspect had passed the plans to a foreign agent.",
        [("Prosecutors", A, "passed the plans")],
    ),
    "said-after-quote": (
        "“The shipments left the port in May,” said harbour official Maria Lopez.",
        [("Maria Lopez", A, "shipments left the port")],
    ),
    "said-before-that-clause": (
        "Danish police said the suspect had photographed the base.",
        [("Danish police", A, "photographed the base")],
    ),
    "according-to": (
        "According to the Norwegian Institute of Peace Studies, the fleet doubled in size last year.",
        [("Norwegian Institute of Peace Studies", A, "fleet doubled")],
    ),
    "pronoun-speaker": (
        "Oleg Petrov, a researcher at the Baltic Policy Centre, spoke on Monday.\n"
        "He said the tankers had switched off their transponders.",
        [("Oleg Petrov", A, "switched off their transponders")],
    ),
    "surname-speaker": (
        "Analyst Karen Holt has studied the ports for years.\n"
        "Holt said the cargo was rerouted through a third country.",
        [("Karen Holt", A, "rerouted through a third country")],
    ),
    "multi-sentence-quote": (
        "“The attack began at night. The servers were wiped by morning,” said Tom Reyes, "
        "a security engineer.",
        [("Tom Reyes", A, "attack began at night"), ("Tom Reyes", A, "servers were wiped")],
    ),
    "accusation": (
        "Germany accused Iran of supplying drones to the militia.",
        [("Germany", A, "Iran supplying drones")],
    ),
    "denial-verb": (
        "The company denied that it had sold chips to the army.",
        [("company", D, "sold chips to the army")],
    ),
    "denial-of-this": (
        "Britain says Tehran shipped missiles to the rebels. Iran denies this.",
        [("United Kingdom", A, "shipped missiles"), ("Iran", D, "shipped missiles")],
    ),
    "joint-speakers": (
        "France and Germany said the election had been free and fair.",
        [("France", A, "election had been free"), ("Germany", A, "election had been free")],
    ),
    "adding-that": (
        "The minister Anna Berg said exports had fallen, adding that prices would rise.",
        [("Anna Berg", A, "exports had fallen"), ("Anna Berg", A, "prices would rise")],
    ),
    "gazetteer-alias": (
        "The Kremlin said the talks would resume next week.",
        [("Russia", A, "talks would resume")],
    ),
    "called-absurd-is-a-denial": (
        "Ukrainian officials said Iranian drones hit the power plant. Tehran called the claims “absurd”.",
        [("Ukrainian officials", A, "drones hit the power plant"), ("Iran", D, "drones hit the power plant")],
    ),
    "spokesperson-for-an-organization": (
        "Police said the men had filmed the harbour. A spokesperson for Iran's foreign ministry "
        "rejected the accusations.",
        [("Police", A, "filmed the harbour"), ("Iran's foreign ministry", D, "filmed the harbour")],
    ),
    "corporate-we-never-is-a-denial": (
        "Acme Corp denied wrongdoing. “We have never sold parts to the army,” the company said.",
        [("Acme Corp", D, "wrongdoing"), ("Acme Corp", D, "sold parts to the army")],
    ),
    "own-side-never-is-a-denial": (
        "Russian state media said Moscow had never supplied fuel to the rebels.",
        [("Russian state media", D, "Moscow had supplied fuel")],
    ),
    "a-negative-about-others-stays-an-assertion": (
        "Poland said Belarus had not closed the border.",
        [("Poland", A, "Belarus had not closed the border")],
    ),
    "passive-denial-with-agent": (
        "Reports that the ship carried rockets were denied by the Egyptian army.",
        [("Egyptian army", D, "ship carried rockets")],
    ),
    "quoted-as-saying": (
        "Finance Minister Lena Vogt was quoted as saying that the budget would be cut.",
        [("Lena Vogt", A, "budget would be cut")],
    ),
    "reporting-noun-and-its-rejection": (
        "The claim by Lithuania that Minsk organised the flights was rejected by Belarus.",
        [("Lithuania", A, "Minsk organised the flights"), ("Belarus", D, "Minsk organised the flights")],
    ),
    "claims-called-false-in-a-clause": (
        "Estonia said Russian jets had entered its airspace. Moscow said the claims were false.",
        [("Estonia", A, "Russian jets had entered"), ("Russia", D, "Russian jets had entered")],
    ),
    "unnamed-officials-of-two-states": (
        "The foreign ministers of France and Germany said the sanctions would stay.",
        [("France", A, "sanctions would stay"), ("Germany", A, "sanctions would stay")],
    ),
    "state-media": (
        "State media reported that the missile test had succeeded.",
        [("State media", A, "missile test had succeeded")],
    ),
    "denial-of-a-gerund-names-the-denier": (
        "Moscow has repeatedly denied carrying out cyberattacks on the grid.",
        [("Russia", D, "Russia carrying out cyberattacks")],
    ),
    "relative-clause-speaker": (
        "The report was welcomed by Greek media, which said Athens had never bought the drones.",
        [("Greek media", D, "Athens had bought the drones")],
    ),
    "a-denial-points-at-the-claim-about-the-denier": (
        "Britain said Iranian drones hit the port. Dutch officials said the storm had closed the canal. "
        "Iran denied this.",
        [("United Kingdom", A, "Iranian drones hit the port"), ("Dutch officials", A, "storm had closed"),
         ("Iran", D, "Iranian drones hit the port")],
    ),
    "a-participle-judges-for-the-speakers-of-an-appeal": (
        "At a summit in Rome, Italian Prime Minister Giorgia Meloni and European Council President "
        "Antonio Costa urged Tehran to halt the transfers, highlighting the drone deliveries as a grave "
        "threat to European security.",
        [("Giorgia Meloni", A, "drone deliveries is a grave threat"),
         ("Antonio Costa", A, "drone deliveries is a grave threat")],
    ),
    "judged-as-hung-on-the-object": (
        "The Japanese prime minister urged Beijing to show restraint, highlighting China's pressure on "
        "Taiwan as an \"unacceptable\" threat to regional stability.",
        [("Japanese prime minister", A, "pressure on Taiwan is an unacceptable threat")],
    ),
    "calling-an-act-a-provocation-accuses": (
        "Polish President Andrzej Duda and NATO Secretary General Mark Rutte warned Minsk, describing "
        "the border incidents as deliberate provocations.",
        [("Andrzej Duda", A, "border incidents is deliberate provocations"),
         ("Mark Rutte", A, "border incidents is deliberate provocations")],
    ),
    "said-p-but-q": (
        "Analyst Jane Doe said Moscow was expected to raise the stalled pipeline project, but Beijing "
        "was unlikely to sign off on it.",
        [("Jane Doe", A, "Moscow was expected to raise"), ("Jane Doe", A, "Beijing was unlikely to sign")],
    ),
    "said-p-but-did-something-else": (
        "Officials said the ship had docked in Tartus, but declined to say what it carried.",
        [("Officials", A, "ship had docked in Tartus")],
    ),
    "according-to-while-p-q": (
        "According to Jane Doe of the Baltic Institute, while Moscow will seek more drones from Tehran, "
        "Iran would also like some things from Russia.",
        [("Jane Doe", A, "Moscow will seek more drones"), ("Jane Doe", A, "Iran would also like")],
    ),
    "quoted-we-of-a-body-is-the-body": (
        "Iran's foreign ministry said: \"We do not supply drones to any party in the war.\"",
        [("Iran's foreign ministry", D, "Iran's foreign ministry do supply drones")],
    ),
    "quoted-we-of-a-person-stays": (
        "\"We will respond,\" analyst Jane Doe said.",
        [("Jane Doe", A, "We will respond")],
    ),
    "charged-with-and-accusing-them-of": (
        "Dutch prosecutors have charged three men with smuggling drone parts to Iran, accusing them of "
        "forging export licences.",
        [("Dutch prosecutors", A, "three men smuggling drone parts"),
         ("Dutch prosecutors", A, "three men forging export licences")],
    ),
    "a-judgement-conjoined-inside-the-complement": (
        "Officials in Ankara said the ship carried grain. Iran's embassy said it knew nothing about the "
        "cargo and called the claims \"baseless\".",
        [("Officials", A, "ship carried grain"),
         ("Iran's embassy", A, "knew nothing about the cargo"),
         ("Iran's embassy", D, "ship carried grain")],
    ),
    "do-so-after-the-act-in-one-sentence": (
        "Analyst Jane Doe said Belarus has not sent any tanks to Russia and will not do so.",
        [("Jane Doe", A, "will not send any tanks to Russia")],
    ),
    "a-ministry-spokesman-of-no-named-country-denies-for-the-state-that-spoke": (
        "Tehran has repeatedly denied arming Moscow. Foreign Ministry spokesman Ali Rezaei said Iran "
        "has not sent any missiles to Russia and will not do so.",
        [("Iran", D, "Iran arming Moscow"),
         ("Ali Rezaei", D, "Iran has sent any missiles to Russia and will send any missiles")],
    ),
    "attributed-an-attack-to": (
        "Norway's intelligence service attributed the breach of parliament's email system to hackers "
        "working for China.",
        [("Norway's intelligence service", A, "hackers working for China was behind the breach")],
    ),
    "blamed-someone-for-an-act": (
        "Estonia blamed Russia for the jamming of GPS signals over the Baltic.",
        [("Estonia", A, "Russia was behind the jamming of GPS signals")],
    ),
    "blamed-an-act-on-someone": (
        "Danish police blamed the outage on a ransomware gang.",
        [("Danish police", A, "a ransomware gang was behind the outage")],
    ),
    "nothing-to-do-with-it-from-the-accused-side-denies": (
        "Estonia blamed Russia for the cyberattack on its banks. The Kremlin said Moscow had nothing "
        "to do with the attack.",
        [("Estonia", A, "Russia was behind the cyberattack"), ("Russia", D, "Moscow was behind the attack")],
    ),
    "nothing-to-do-with-it-from-a-third-party-asserts": (
        "Analyst Jane Doe said Moscow had nothing to do with the attack.",
        [("Jane Doe", A, "Moscow had nothing to do with the attack")],
    ),
    "accused-of-hung-on-the-accused": (
        "Estonian prosecutors accused Narva Components of shipping microchips to Russia.",
        [("Estonian prosecutors", A, "Narva Components shipping microchips to Russia")],
    ),
    "the-airline-is-the-business-named-before": (
        "Inspectors in Kazakhstan examined three cargo planes owned by Steppe Air Cargo. "
        "The airline said the planes carried only medical supplies.",
        [("Steppe Air Cargo", A, "carried only medical supplies")],
    ),
    "a-company-spokeswoman-says-it-never-did-it": (
        "Finnish customs accused Koivu Metals of selling ball bearings to Russia. A spokeswoman for "
        "the firm said it had never sold bearings to Russian buyers.",
        [("Finnish customs", A, "Koivu Metals selling ball bearings to Russia"),
         ("Koivu Metals", D, "Koivu Metals had sold bearings to Russian buyers")],
    ),
    "a-body-described-before-its-name-is-the-name": (
        "Security company Northwall said the intruders used stolen passwords.",
        [("Northwall", A, "intruders used stolen passwords")],
    ),
    "a-state-agency-named-after-its-possessive-denies-for-the-state": (
        "Poland blamed Belarus for the sabotage of the railway. Belarus rarely comments on such cases. "
        "Its state news agency Belta insisted that the country had nothing to do with the sabotage.",
        [("Poland", A, "Belarus was behind the sabotage"),
         ("Belta", D, "Belarus was behind the sabotage")],
    ),
    "not-knowing-is-no-denial": (
        "Norway said Russian jets had crossed into its airspace. Moscow said it could not verify the "
        "footage.",
        [("Norway", A, "Russian jets had crossed"), ("Russia", A, "Russia could not verify the footage")],
    ),
    "rejected-what-it-called-a-campaign": (
        "Lithuania accused Minsk of sending balloons into its airspace. Minsk rejected what it called "
        "a hostile campaign by Vilnius.",
        [("Lithuania", A, "Minsk sending balloons into its airspace"),
         ("Belarus", D, "Minsk sending balloons into its airspace")],
    ),
    "a-firm-the-tagger-takes-for-a-person-denies-for-itself": (
        "Dutch chipmaker Velden said it had not sold chips to Russia.",
        [("Velden", D, "Velden had sold chips to Russia")],
    ),
    "with-someone-alleging-that": (
        "The hearing opened in Riga, with investigators alleging that the courier carried radio parts to "
        "Pskov. With the EU threatening new sanctions, the talks stalled.",
        [("investigators", A, "courier carried radio parts to Pskov")],
    ),
    "a-firm-that-it-accused-of": (
        "The British Foreign Office sanctioned an Istanbul broker that it accused of routing drone "
        "engines to Moscow.",
        [("British Foreign Office", A, "an Istanbul broker routing drone engines to Moscow")],
    ),
    "according-to-a-source-before-a-named-subject": (
        "The US Treasury Department sanctioned two firms on Monday. According to the Treasury, Bluehaven "
        "Trading Ltd bought navigation modules and microcontrollers from distributors in Europe and Asia "
        "between 2023 and 2025 and shipped them through Dunecrest Logistics FZE in Jebel Ali to a drone "
        "plant.",
        [("US Treasury Department", A, "Bluehaven Trading Ltd bought navigation modules")],
    ),
    "a-lawyer-denies-for-the-client": (
        "Prosecutors in Vilnius charged Andrius Kalnas with spying for Belarus. Kalnas's lawyer, Rasa "
        "Vaitkute, rejected the charge. \"He has never worked for any foreign service,\" Vaitkute said.",
        [("Prosecutors", A, "Andrius Kalnas spying for Belarus"),
         ("Rasa Vaitkute", D, "Andrius Kalnas spying for Belarus"),
         ("Rasa Vaitkute", D, "Andrius Kalnas has worked for any foreign service")],
    ),
    "a-wire-dateline-is-not-the-subject": (
        "RIGA, May 7 (Balticwire) – Latvia on Thursday said Russian hackers had attacked the port.",
        [("Latvia", A, "Russian hackers had attacked the port")],
    ),
    "a-negated-conjunct-is-a-proposition-of-its-own": (
        "Regulators fined Arktis Optics Oy. The company said it had stopped all exports to Russia in 2022 "
        "and had never sold lenses to the Russian army.",
        [("Arktis Optics Oy", A, "Arktis Optics Oy had stopped all exports"),
         ("Arktis Optics Oy", D, "Arktis Optics Oy had sold lenses to the Russian army")],
    ),
    "a-quoted-sentence-of-two-propositions": (
        "\"The sanctions are a blunt tool,\" said analyst Jane Doe. \"Smuggling is a serious problem, and "
        "customs officers are overwhelmed.\"",
        [("Jane Doe", A, "sanctions are a blunt tool"), ("Jane Doe", A, "Smuggling is a serious problem"),
         ("Jane Doe", A, "customs officers are overwhelmed")],
    ),
    "a-director-speaks-for-the-business-named-last": (
        "Britain sanctioned Halvard Shipping AS over tanker sales. \"We have never sold a tanker to a "
        "Russian buyer,\" director Erik Lunde said.",
        [("Erik Lunde", D, "Halvard Shipping AS have sold a tanker to a Russian buyer")],
    ),
    "a-firm-that-it-said-did-it": (
        "The Treasury named a Dubai broker that it said arranged the payments.",
        [("Treasury", A, "a Dubai broker arranged the payments")],
    ),
    "a-conjunct-that-does-that-again-is-no-new-proposition": (
        "\"We have to cut the supply routes, and I think we can do that,\" said analyst Jane Doe.",
        [("Jane Doe", A, "We have to cut the supply routes")],
    ),
    "a-quoted-he-is-not-the-speaker": (
        "\"He has never sold weapons to Iran,\" said analyst Jane Doe.",
        [("Jane Doe", A, "He has never sold weapons to Iran")],
    ),
    "a-semicolon-parts-two-reports": (
        "Ottawa says Ferrowind Ltd, a trader it fined last year, sold drone engines to Russia; Ferrowind "
        "insists it has never dealt with a Russian customer.",
        [("Canada", A, "sold drone engines to Russia"),
         ("Ferrowind Ltd", D, "has dealt with a Russian customer")],
    ),
    "a-report-in-a-relative-clause-inside-another": (
        "Polaris Maritime estimates that 30 tankers switch off their transponders, a practice it says "
        "could hide cargo from Iran.",
        [("Polaris Maritime", A, "30 tankers switch off their transponders"),
         ("Polaris Maritime", A, "a practice could hide cargo from Iran")],
    ),
    "two-negated-acts-are-two-denials": (
        "Belarus said it had not trained any Russian pilots and did not host Russian bombers.",
        [("Belarus", D, "Belarus had trained any Russian pilots"),
         ("Belarus", D, "Belarus did host Russian bombers")],
    ),
    "data-from-a-firm-show": (
        "Data from Polaris Maritime show that the tanker's transponder was off for 12 days.",
        [("Polaris Maritime", A, "transponder was off for 12 days")],
    ),
    "a-participle-hung-on-the-denied-clause": (
        "Minsk has denied that Belarusian firms repair Russian helicopters, saying it does not export "
        "military services to any country.",
        [("Belarus", D, "Belarusian firms repair Russian helicopters"),
         ("Belarus", D, "does export military services")],
    ),
    "an-accusation-by-two-states-of-last-week": (
        "The fines follow last month's accusation by Paris and Berlin that Serbia had sold shells to Russia.",
        [("France", A, "Serbia had sold shells to Russia"),
         ("Germany", A, "Serbia had sold shells to Russia")],
    ),
    "our-ships-said-for-a-company": (
        "Britain sanctioned Caspian Star Shipping. \"Our ships have never carried weapons,\" managing "
        "director Rustam Aliyev said.",
        [("Rustam Aliyev", D, "Caspian Star Shipping's ships have carried weapons")],
    ),
    "an-embassy-spokesperson-is-the-embassy-named-before": (
        "Police questioned staff of the Iranian embassy in Vienna. \"Iran has never asked and will never "
        "ask anyone to spy in Austria,\" an embassy spokesperson said.",
        [("Iranian embassy", D, "Iran has asked and will ask anyone to spy in Austria")],
    ),
    "they-are-the-group-named-before": (
        "When prosecutors charged Anton Weber in May, they described him as a courier. They allege that "
        "Weber carried drone parts to Minsk.",
        [("prosecutors", A, "Anton Weber is a courier"), ("prosecutors", A, "Weber carried drone parts")],
    ),
    "a-ministry-described-by-its-state-is-no-name": (
        "Kazakhstan's transport ministry said the two ships had carried only grain.",
        [("Kazakhstan's transport ministry", A, "had carried only grain")],
    ),
    "said-right-after-a-noun-that-the-parser-conjoined": (
        "First secretary Pavel Sorokin, 52, was given 72 hours to pack his bags after Latvia's State "
        "Security Service said he had mapped the routes of the cable.",
        [("Latvia's State Security Service", A, "he had mapped the routes")],
    ),
    "a-diplomat-it-accuses-of": (
        "Finland has expelled a Russian attache it accuses of recruiting port workers.",
        [("Finland", A, "a Russian attache recruiting port workers")],
    ),
    "the-ship-investigators-blame-for": (
        "Divers examined the Eagle S, the tanker Finnish investigators blame for ripping up the cable.",
        [("Finnish investigators", A, "the tanker was behind ripping up the cable")],
    ),
    "its-denial-that": (
        "Norbulk Shipping spoke on Monday. The firm repeated its denial that the ship's anchor had cut the "
        "cable.",
        [("Norbulk Shipping", D, "the ship's anchor had cut the cable")],
    ),
    "a-tabloid-verb-of-saying": (
        "\"They are thieves,\" fumed Lithuanian Energy Minister Tomas Zukas.",
        [("Tomas Zukas", A, "They are thieves")],
    ),
    "not-yet-decided-is-no-denial": (
        "The Danish Maritime Authority said it had not yet decided whether to detain the tanker.",
        [("Danish Maritime Authority", A, "had not yet decided whether to detain the tanker")],
    ),
    "a-body-named-in-apposition-to-its-description": (
        "Its Dubai-based owner, Sable Crest Shipping, insists the vessel is fully insured.",
        [("Sable Crest Shipping", A, "the vessel is fully insured")],
    ),
    "a-bare-spokeswoman-speaks-for-the-body-named-before": (
        "Latvia expelled a diplomat it accuses of spying. Moscow's foreign ministry reacted on Friday. "
        "Spokeswoman Irina Lebedeva branded the accusations \"spy mania\" and insisted Russia had "
        "\"nothing to do with\" the damage to the cable.",
        [("Latvia", A, "a diplomat spying"), ("Irina Lebedeva", D, "a diplomat spying"),
         ("Irina Lebedeva", D, "Russia was behind the damage to the cable")],
    ),
    "a-registry-is-a-body": (
        "The Palau ship registry told reporters that the tanker had been struck off in February.",
        [("Palau ship registry", A, "struck off in February")],
    ),
    "said-p-and-accused-y-of-q": (
        "Polish Interior Minister Adam Nowak said the fires were started by paid agents and accused "
        "Moscow of \"waging a sabotage campaign\".",
        [("Adam Nowak", A, "fires were started by paid agents"),
         ("Adam Nowak", A, "Moscow waging a sabotage campaign")],
    ),
    "a-state-that-cannot-do-it": (
        "Minsk said Belarus cannot sell rockets to Sudan.",
        [("Belarus", D, "Belarus can sell rockets to Sudan")],
    ),
    "a-spokesman-of-the-firm-named-before-says-we": (
        "Analysts said Tethys Security Group trained the drone crews. Its spokesman, Oleg Sazonov, called "
        "the report \"a fabrication\". \"We have never trained anyone in Sudan,\" he said.",
        [("Analysts", A, "Tethys Security Group trained the drone crews"),
         ("Oleg Sazonov", D, "Tethys Security Group trained the drone crews"),
         ("Oleg Sazonov", D, "Tethys Security Group have trained anyone in Sudan")],
    ),
    "has-no-people-there": (
        "Sudan's army said Wagner Logistics ran the drones. The company has said it \"has no personnel "
        "and no operations in Sudan\".",
        [("Sudan's army", A, "ran the drones"),
         ("Wagner Logistics", D, "Wagner Logistics has personnel and operations in Sudan")],
    ),
    "these-insinuations-are-absurd": (
        "Analysts said Belarus sold the rockets. \"These insinuations are absurd,\" ministry spokesman "
        "Ruslan Varabei said. He added that Belarus \"cannot be held responsible\" for what buyers did.",
        [("Analysts", A, "Belarus sold the rockets"), ("Ruslan Varabei", D, "Belarus sold the rockets"),
         ("Ruslan Varabei", A, "Belarus cannot be held responsible")],
    ),
    "who-suspect-x-of": (
        "Swedish police, who suspect the freighter Baltic Star of cutting the cable, said the crew had "
        "left the ship.",
        [("Swedish police", A, "the crew had left the ship"),
         ("Swedish police", A, "the freighter Baltic Star cutting the cable")],
    ),
    "a-group-that-governments-have-linked-to": (
        "Microsoft attributed the intrusion to Storm Ridge, a group that several Western governments "
        "have linked to China's Ministry of State Security.",
        [("Microsoft", A, "Storm Ridge was behind the intrusion"),
         ("several Western governments", A, "China's Ministry of State Security was behind a group")],
    ),
    "a-tanker-they-suspect-of": (
        "Swedish authorities on Friday boarded a freighter they suspect of cutting a power cable.",
        [("Swedish authorities", A, "a freighter cutting a power cable")],
    ),
    "the-company-is-no-public-body-named-later": (
        "Investigators traced the bullets to Ferro Municoes SA. The United Nations has asked for an "
        "inquiry. The company said it \"has never exported any product to Sudan\".",
        [("Ferro Municoes SA", D, "Ferro Municoes SA has exported any product to Sudan")],
    ),
    "someones-lawyer-unnamed": (
        "Rachel Dorsey was arrested in Grodno. Dorsey's lawyer said he had been denied access to his "
        "client. According to the lawyer, the only photographs on her camera show a public road.",
        [("Dorsey's lawyer", A, "had been denied access to his client"),
         ("Dorsey's lawyer", A, "the only photographs on her camera show a public road")],
    ),
    "a-report-found-that": (
        "The SIPRI report also found that Iran had supplied attack drones to the Sudanese army. Police "
        "found the debris on Tuesday.",
        [("SIPRI", A, "Iran had supplied attack drones to the Sudanese army")],
    ),
    "it-said-after-a-ministry-did-something": (
        "Belarus's defence ministry rejected the report on Monday. In a statement, it said the troops were "
        "taking part in scheduled drills.",
        [("Belarus's defence ministry", D, "the report"),
         ("Belarus's defence ministry", A, "the troops were taking part in scheduled drills")],
    ),
    "narration-is-not-a-statement": (
        "The ship arrived in the harbour on Tuesday. It carried grain.",
        [],
    ),
    # an accused party's answer in a trailing noun phrase, read from its words: the tagger often
    # takes the bare present ("rejects", "dismisses") for a plural noun
    "trailing-charge-the-accused-rejects": (
        "Lithuanian officials have accused Minsk of sending migrants across the border, "
        "a charge Belarus rejects.",
        [("Lithuanian officials", A, "sending migrants across the border"),
         ("Belarus", D, "sending migrants across the border")],
    ),
    "trailing-accusation-the-accused-dismisses": (
        "Investigators accused Vantar Freight of hiding drone engines in tractor parts, "
        "an accusation the company dismisses.",
        [("Investigators", A, "hiding drone engines in tractor parts"),
         ("Vantar Freight", D, "hiding drone engines in tractor parts")],
    ),
    "trailing-charge-after-a-dash-refuted-by-a-state": (
        "The attache was accused by Warsaw of recruiting informants - a charge Moscow flatly refuted.",
        [("Poland", A, "recruiting informants"), ("Russia", D, "recruiting informants")],
    ),
    "trailing-allegation-called-absurd-by-relatives": (
        "Police accused Omar Haddad of selling maps of the port, an allegation his family "
        "has called absurd.",
        [("Police", A, "selling maps of the port"), ("his family", D, "selling maps of the port")],
    ),
    "trailing-charge-after-narration-denies-the-narration": (
        "Karel Novak was charged with spying for a foreign power, a charge he denies.",
        [("Karel Novak", D, "charged with spying for a foreign power")],
    ),
    # the tokenizer splits a given name at its hyphen; the person keeps the name as written
    "hyphenated-given-names": (
        "Seo Min-jun, a lawmaker, told reporters the losses were large. "
        "“The designs were copied,” said Choi Ha-eun, an analyst at a Seoul brokerage.",
        [("Seo Min-jun", A, "losses were large"), ("Choi Ha-eun", A, "designs were copied")],
    ),
    # "their country" said by a state's officials is that state: its negated act is a self-denial
    "their-country-is-the-speakers-state": (
        "Pakistani officials insist their country has never shipped centrifuges to Libya.",
        [("Pakistani officials", D, "Pakistan has shipped centrifuges to Libya")],
    ),
    # "the country's trade ministry": a body of the state named last, which its spokesman speaks for
    "a-body-of-the-country-named-last": (
        "Armenia has been accused of passing European machine tools to Russia. "
        "Davit Petrosyan, a spokesman for the country's economy ministry, said: "
        "“We have never sold a single machine to Russia.”",
        [("Davit Petrosyan", D, "Armenia's economy ministry have sold a single machine to Russia")],
    ),
    # the parser hangs the that-clause on the setting's noun ("in a statement that P")
    "said-in-a-statement-that": (
        "Nordwave Telecom said in a statement that the intrusion had been contained "
        "and that customer data was safe. Harbour Grid said in a statement that the intrusion had been "
        "“contained” and that there was no evidence the billing data had been accessed.",
        [("Nordwave Telecom", A, "the intrusion had been contained"),
         ("Nordwave Telecom", A, "customer data was safe"),
         ("Harbour Grid", A, "the intrusion had been contained"),
         ("Harbour Grid", A, "there was no evidence the billing data had been accessed")],
    ),
    # a business name of which the tagger labels only the last word a person
    "a-business-name-tagged-as-a-person-in-part": (
        "Tasman Grid said in a statement that the intrusion had been contained.",
        [("Tasman Grid", A, "intrusion had been contained")],
    ),
    # states beyond the ones the seeds name: capitals and demonyms of the general gazetteer
    "a-capital-speaks-for-its-state": (
        "Khartoum denied that the drones came from abroad.",
        [("Sudan", D, "the drones came from abroad")],
    ),
    # the parser hangs the quote on "quoted", not on "saying"
    "quote-then-quoted-as-saying": (
        "Amir Tavakoli, a deputy minister, spoke on state television. "
        "“Tehran will answer in kind,” he was quoted as saying by the state news agency.",
        [("Amir Tavakoli", A, "Tehran will answer in kind")],
    ),
    "opposition-parties-speak": (
        "Opposition parties welcomed the sanctions but said they came too late.",
        [("Opposition parties", A, "came too late")],
    ),
    # a refusal to say states nothing
    "would-not-comment-or-name": (
        "The regulator said it was reviewing the filings but would not comment on individual firms. "
        "The customs service confirmed that it had opened an inquiry but would not name the exporter.",
        [("regulator", A, "reviewing the filings"), ("customs service", A, "had opened an inquiry")],
    ),
    "calling-the-attribution-slander-denies-it": (
        "Britain blamed Moscow for the hack. "
        "Spokeswoman Irina Lebedeva called the attribution “groundless slander”.",
        [("United Kingdom", A, "Moscow was behind the hack"),
         ("Irina Lebedeva", D, "Moscow was behind the hack")],
    ),
    # "Foreign Minister X" with no country named speaks for the state that spoke last
    "a-minister-with-no-country-named-denies-for-the-state": (
        "Syria rejected the claim that its army had fired a rocket at the port. "
        "Foreign Minister Adel Haddad said Syria “has never used chemical weapons”.",
        [("Syria", D, "fired a rocket at the port"), ("Adel Haddad", D, "Syria has used chemical weapons")],
    ),
    # a later "the spokesman" is the person the article titled so, not the body that spoke last
    "the-spokesman-is-the-person-titled-so": (
        "The Arms Trade Monitor said Minsk had sold rifles to the junta. "
        "In Niamey, the Foreign Ministry spokesman, Colonel Amadou Issa, told reporters that the rifles "
        "had been bought legally. Asked about the sellers, the spokesman said the contracts were secret.",
        [("Arms Trade Monitor", A, "Minsk had sold rifles"), ("Amadou Issa", A, "bought legally"),
         ("Amadou Issa", A, "contracts were secret")],
    ),
    # the tagger ends a body's name at its preposition: "UN Panel of Experts on | Libya"
    "a-body-named-up-to-its-preposition": (
        "The UN Panel of Experts on Libya said the cargo planes had carried armoured vehicles.",
        [("UN Panel of Experts on Libya", A, "carried armoured vehicles")],
    ),
    # "it said" after a body's statement is that body, not a state the sentence before named
    "it-said-after-the-company-said": (
        "Lithuania blamed hackers for an attack on Vilkas Water. "
        "The pumps ran by hand for two days, the company said. "
        "No one was harmed, it said.",
        [("Lithuania", A, "hackers"), ("Vilkas Water", A, "pumps ran by hand"),
         ("Vilkas Water", A, "No one was harmed")],
    ),
    # a name the tagger takes for a person's, which an apposition calls a body
    "a-name-an-apposition-calls-a-body": (
        "The AIVD said the embassy ran informants. A spokesperson for Roshan Europa, a network "
        "of exiles, said several members had been followed. "
        "The group warned that the threats would not stop.",
        [("AIVD", A, "the embassy ran informants"),
         ("Roshan Europa", A, "several members had been followed"),
         ("Roshan Europa", A, "the threats would not stop")],
    ),
    # a recommendation with a that-clause states what should be done; a recommended thing does not
    "recommends-that": (
        "The cyber agency recommends that hospitals disable dormant remote accounts. "
        "The panel recommended a fine of two million euros.",
        [("cyber agency", A, "hospitals disable dormant remote accounts")],
    ),
    # a negated content whose positive form someone else asserted before denies it, also when
    # its subject is negative ("no rockets", "neither firm"); one nobody asserted stays an assertion
    "a-negative-subject-contradicts-what-was-said": (
        "Observers said Belarus sent rockets to Sudan. "
        "Belarus's defence ministry said no rockets had been sent to Sudan. "
        "Police said the two firms had loaded drones in Poti. "
        "The port authority said neither firm had ever loaded drones in Poti. "
        "Officials said no one was hurt.",
        [("Observers", A, "Belarus sent rockets to Sudan"),
         ("Belarus's defence ministry", D, "rockets had been sent to Sudan"),
         ("Police", A, "the two firms had loaded drones in Poti"),
         ("port authority", D, "firm had ever loaded drones in Poti"),
         ("Officials", A, "no one was hurt")],
    ),
    # a negative subject rebuts a deed by itself ("none of its members had bought", "no records
    # had been copied"); not a state, a finding, a possibility or what befell people
    "a-negative-subject-rebuts-a-deed": (
        "The Diamond Traders Association said none of its members had knowingly bought the stones. "
        "A spokeswoman for the ministry said nobody in the cabinet had approved the payments. "
        "Analysts said no further intrusions had been detected. "
        "Officials said none of this was proof. The lawyer said nobody should lecture his client. "
        "Police said no one had been arrested.",
        [("Diamond Traders Association", D, "some of its members had knowingly bought the stones"),
         ("ministry", D, "someone in the cabinet had approved the payments"),
         ("Analysts", A, "no further intrusions had been detected"),
         ("Officials", A, "none of this was proof"),
         ("lawyer", A, "nobody should lecture his client"),
         ("Police", A, "no one had been arrested")],
    ),
    # ", which it denied" after an accusation denies the accusation, not the noun it hangs on;
    # its "it" is the accused the sentence is about, not the state named the sentence before
    "which-it-denied-answers-the-accusation": (
        "Sweden said on Monday that a tanker had cut the cable. "
        "Iran has long been accused of arming the rebels, which it has always denied. "
        "Defence lawyer Anna Kivi accused the witness of selling his story to the press, which Mr Tamm "
        "denied.",
        [("Sweden", A, "a tanker had cut the cable"),
         ("Iran", D, "Iran arming the rebels"),
         ("Anna Kivi", A, "the witness selling his story to the press"),
         ("Tamm", D, "the witness selling his story to the press")],
    ),
    # "the exchange", "the club": the body named so, though another business spoke since
    "the-exchange-is-the-one-named-so": (
        "The Baltic Capital Exchange halted trading on Monday. Hackers had wiped the servers, the "
        "security firm Nordlys Labs said. On Monday afternoon the exchange had described the problem as "
        "\"a technical failure\". "
        "The owner of Eastbridge Football Club was accused of moving money. Its shirts were "
        "sponsored by Kestrel Agri Trading. The club said the deals were fair.",
        [("Nordlys Labs", A, "Hackers had wiped the servers"),
         ("Baltic Capital Exchange", A, "the problem is a technical failure"),
         ("Eastbridge Football Club", A, "the deals were fair")],
    ),
    # "according to the report, P, which X described as Q": the report's P and X's Q, each its own
    "according-to-with-another-speakers-clause": (
        "Freight Watch published a report on Monday. According to the report, the flights were arranged "
        "through a broker, Nile Star Trading, which the researchers described as a front for army officers.",
        [("researchers", A, "a front for army officers"),
         ("Freight Watch", A, "the flights were arranged through a broker, Nile Star Trading")],
    ),
    # "describing itself as X" says what the speaker is; "calling itself X" only names it
    "describing-itself-as": (
        "Grey Lantern, a hacking group, has denied taking orders from the Russian state, describing itself "
        "as a band of \"patriotic volunteers\". A group calling itself Cyber Army claimed the attack.",
        [("Grey Lantern", D, "Grey Lantern taking orders from the Russian state"),
         ("Grey Lantern", A, "Grey Lantern is a band of patriotic volunteers"),
         ("Cyber Army", A, "Cyber Army carried out the attack")],
    ),
    # "the lab" is the one named; "one student, who asked not to be named," is an unnamed person;
    # "no agency has ever been a client" denies a deed; "has no record of" says what one knows
    "a-lab-one-student-been-a-client-no-record": (
        "Lantern Lab said it had found spyware. Vexor Systems sold the tool. The lab said the phone had "
        "been infected three times. One PhD student, who asked not to be named, said the professor had asked "
        "about her views. Interior Ministry spokeswoman Ana Beridze said no state agency \"has ever been "
        "a client of Aravin Systems\". \"We have no record of any complaint,\" the University "
        "of Eastmoor said.",
        [("Lantern Lab", A, "Lantern Lab had found spyware"),
         ("Lantern Lab", A, "the phone had been infected three times"),
         ("PhD student", A, "the professor had asked about her views"),
         ("Ana Beridze", D, "state agency has ever been a client of Aravin Systems"),
         ("University of Eastmoor", A, "have no record of any complaint")],
    ),
    # a gerund for a subject: "photographing a base is not a crime" rebuts what it was said to be
    "a-clause-for-a-subject-recharacterised": (
        "Photographing a submarine base is not part of a driver's duties, the prosecutor Eva Lind said. "
        "Defence lawyer Jonas Ek argued that photographing a military site from a road was not in itself "
        "a crime.",
        [("Eva Lind", D, "Photographing a submarine base is part of a driver's duties"),
         ("Jonas Ek", D, "photographing a military site from a road was in itself a crime")],
    ),
    # a name cut from its verb by a phrase between commas is still its subject
    "subject-set-off-by-a-parenthetical": (
        "Beijing, for its part, has consistently denied sponsoring hacking groups. "
        "Vexor Systems said the chips were made in 2024.",
        [("China", D, "China sponsoring hacking groups"),
         ("Vexor Systems", A, "the chips were made in 2024")],
    ),
    # unnamed speakers the text describes: "a conflict research group", "one former director", and
    # a state's government named by "of"
    "described-groups-former-holders-and-governments-of": (
        "The tanker cut the cable, a conflict research group said on Tuesday. "
        "Eastbridge Rovers is a football club. One former Eastbridge director, who asked not to be named, "
        "said the sponsor was a front. "
        "The government of Gabon said that its navy had seized the tanker.",
        [("conflict research group", A, "The tanker cut the cable"),
         ("former Eastbridge director", A, "the sponsor was a front"),
         ("Gabon", A, "its navy had seized the tanker")],
    ),
    # "X, the plant's operator," is a body, so its "it" is X
    "a-name-described-as-an-operator-is-a-body": (
        "China rejected the charges. Lakeus Energia, the plant's operator, confirmed that the engineer "
        "worked there. It said the engineer had left in May.",
        [("China", D, "the charges"),
         ("Lakeus Energia", A, "the engineer worked there"),
         ("Lakeus Energia", A, "the engineer had left in May")],
    ),
    # an indictment is a claim: calling it a smear or defamatory denies what it says
    "called-the-indictment-a-smear": (
        "US prosecutors said two Chinese nationals stole the guest records. Liang Wei, a foreign ministry "
        "spokesman, called the indictment \"a politically motivated smear\".",
        [("US prosecutors", A, "two Chinese nationals stole the guest records"),
         ("Liang Wei", D, "two Chinese nationals stole the guest records")],
    ),
    # the act of an accusation hung deep inside the accused's relative clause
    "accused-of-hung-inside-a-relative-clause": (
        "Britain on Tuesday accused a ship registry that operates the flag of Gabon of knowingly "
        "registering sanctioned tankers.",
        [("United Kingdom", A, "a ship registry that operates the flag of Gabon knowingly registering "
          "sanctioned tankers")],
    ),
    # "telling X that P", hung on the speaker's own denial, is a statement of the speaker
    "dismissed-the-findings-telling-that": (
        "A UN panel said Syrian firms had shipped rifles to Sudan. "
        "Syria's foreign ministry spokesperson dismissed the findings, telling the state news agency "
        "that the firms named were engaged in lawful trade.",
        [("UN panel", A, "Syrian firms had shipped rifles to Sudan"),
         ("Syria's foreign ministry spokesperson", D, "Syrian firms had shipped rifles to Sudan"),
         ("Syria's foreign ministry spokesperson", A, "the firms named were engaged in lawful trade")],
    ),
    # a regulator's order reports what it found, as a report does
    "according-to-the-order": (
        "The central bank said Lumo Pay had broken the sanctions rules. The firm's controls were "
        "inadequate, according to the order.",
        [("central bank", A, "Lumo Pay had broken the sanctions rules"),
         ("central bank", A, "controls were inadequate")],
    ),
    # a state's mission speaks; its quoted negation of its own act is a self-denial
    "the-mission-said": (
        "Colombia accused Venezuela of arming the rebels. Venezuela's mission to the United Nations "
        "answered on Friday. “Venezuela has not transferred any weapons to any party in Colombia,” "
        "the mission said.",
        [("Colombia", A, "Venezuela arming the rebels"),
         ("Venezuela's mission", D, "Venezuela has transferred any weapons to any party in Colombia")],
    ),
    "at-no-point-had-x-done-it": (
        "Ukraine said Russia had supplied drones to Sudan. "
        "The Kremlin said that at no point had Russia supplied drones to Sudan.",
        [("Ukraine", A, "Russia had supplied drones to Sudan"),
         ("Russia", D, "Russia supplied drones to Sudan")],
    ),
    # "we will not pay" states an intention and denies no act; a quoted "I" is the speaker, whose
    # negated act is a self-denial; a bare "and I never would" is no proposition of its own
    "an-intention-is-no-denial-and-a-quoted-i-denies": (
        "Ostrava General Hospital said it will not pay the ransom. Pavel Novak, an engineer, "
        "testified on Thursday. “I have never sold a secret, and I never would,” Novak said.",
        [("Ostrava General Hospital", A, "will not pay the ransom"),
         ("Pavel Novak", D, "Pavel Novak have sold a secret")],
    ),
    # a business named in a title is the side its officer speaks for: "we" is the business
    "an-officer-of-a-business-named-in-the-title": (
        "Customs officials held hundreds of its cars at the port on Monday. "
        "Korvan Motors chief executive Erik Sandell said the hold was unjustified. "
        "“We have never bought a single part made with forced labour,” Sandell said.",
        [("Erik Sandell", A, "the hold was unjustified"),
         ("Erik Sandell", D, "Korvan Motors have bought a single part made with forced labour")],
    ),
    # a name ending in a body's noun is a body's, whatever the tagger says; "it" is that body next
    "a-name-ending-in-authority-and-it-noted": (
        "Customs seized the parts. Zayed Mansour Authority said that it would "
        "review the licences. It noted that local law does not oblige firms to enforce foreign sanctions.",
        [("Zayed Mansour Authority", A, "would review the licences"),
         ("Zayed Mansour Authority", A, "local law does not oblige firms")],
    ),
    # what an apposition called a body is what a later "the group" means
    "the-group-is-the-body-an-apposition-called-a-nonprofit": (
        "Fair Work Watch, a Geneva-based nonprofit, published a report on Uyghur workers. "
        "The group said Hanlin Casings shipped parts to the plant.",
        [("Fair Work Watch", A, "Hanlin Casings shipped parts to the plant")],
    ),
    # a state's spokesperson with no country named, in a sentence that opens with its capital
    "in-the-capital-a-foreign-ministry-spokesperson": (
        "Bulgaria blamed the GRU for the breach. In Moscow, a Foreign Ministry spokesperson said "
        "Russia has never conducted cyber operations against any election body.",
        [("Bulgaria", A, "the GRU was behind the breach"),
         ("Foreign Ministry spokesperson", D, "Russia has conducted cyber operations")],
    ),
    # lawmakers and headquarters speak; "had no idea" says what one knew, denies nothing
    "senators-who-say-they-had-no-idea": (
        "Several senators who visited the plant say they had no idea who owned it.",
        [("senators", A, "they had no idea who owned it")],
    ),
    "a-police-headquarters": (
        "The national police headquarters said the officer had been suspended.",
        [("national police headquarters", A, "the officer had been suspended")],
    ),
    # a person's "we" is the body they speak for: a self-denial; "are not going to" is an intention
    "a-directors-we-have-never": (
        "\u201cWe have never shipped a single rifle to the rebels,\u201d said Ilse Brandt, the director of "
        "Korvan Arms. \u201cWe are not going to pay the hackers,\u201d she said.",
        [("Ilse Brandt", D, "Korvan Arms have shipped a single rifle to the rebels"),
         ("Ilse Brandt", A, "not going to pay the hackers")],
    ),
    "a-persons-we-have-never": (
        "Marta Kell runs the terminal. \u201cWe have never paid a ransom to anyone,\u201d Kell said.",
        [("Marta Kell", D, "We have paid a ransom to anyone")],
    ),
    # a lawyer's "her client" is whom she speaks for, named; "did nothing wrong" denies a deed,
    # "has nothing to hide" does not
    "a-lawyers-client-did-nothing-wrong": (
        "Prosecutors charged Omar Tellez with bribery. His lawyer, Ana Ruiz, said her client had done "
        "nothing wrong and had nothing to hide.",
        [("Prosecutors", A, "Omar Tellez bribery"),
         ("Ana Ruiz", D, "Omar Tellez had done something wrong"),
         ("Ana Ruiz", A, "her client had nothing to hide")],
    ),
    # "the regulator's finding that P", "X's assessment that P": the owner asserts P
    "disputed-the-regulators-finding-that": (
        "Velto Bank disputed the regulator's finding that its managers had ignored the risks.",
        [("Velto Bank", D, "its managers had ignored the risks"),
         ("regulator", A, "its managers had ignored the risks")],
    ),
    # "the embassy in Ostland, which called P": a relative clause on the place is the body's
    "which-said-after-a-body-in-a-place": (
        "Lithuanian prosecutors charged two men with spying for Minsk. The Belarusian embassy in Vilnius, "
        "which has described the case as \"a provocation\", did not respond to questions.",
        [("Lithuanian prosecutors", A, "two men spying for Minsk"),
         ("Belarusian embassy", D, "two men spying for Minsk")],
    ),
    # a share of "that" is a share of the thing the speaker's statement before named
    "a-share-of-that-is-of-the-thing-said-before": (
        "Ines Morlan said there are cheap drones that can be used by militias.\n\n\"About 60 per cent of "
        "that comes from Valdoria,\" she said.\n\n\"Most of this is a lie,\" said Tomas Rhee.",
        [("Ines Morlan", A, "there are cheap drones that can be used by militias"),
         ("Ines Morlan", A, "About 60 per cent of cheap drones that can be used by militias comes from"),
         ("Tomas Rhee", A, "Most of this is a lie")],
    ),
    "a-share-of-that-in-the-same-paragraph": (
        "Maria Keller said Valdoria sells cheap oil to Ostland. She said most of that goes through Brask.",
        [("Maria Keller", A, "Valdoria sells cheap oil to Ostland"),
         ("Maria Keller", A, "most of cheap oil goes through Brask")],
    ),
    # "rejected that account", "dismissed the case", "rejected the criticism": what was said before
    "rejected-that-account-points-back": (
        "Investigators said the intruders had used a stolen contractor password. Orvana Ports rejected "
        "that account.",
        [("Investigators", A, "the intruders had used a stolen contractor password"),
         ("Orvana Ports", D, "the intruders had used a stolen contractor password")],
    ),
    "dismissed-the-case-points-at-the-charge": (
        "Prosecutors accused Lena Brask of selling radar plans to Valdoria. Valdoria's embassy dismissed "
        "the case as \"a fantasy\".",
        [("Prosecutors", A, "Lena Brask selling radar plans to Valdoria"),
         ("Valdoria's embassy", D, "Lena Brask selling radar plans to Valdoria")],
    ),
    "rejected-the-criticism-points-back": (
        "Critics said the ministry had ignored warnings. The minister, Lars Ekdal, rejected the criticism.",
        [("Critics", A, "the ministry had ignored warnings"),
         ("Lars Ekdal", D, "the ministry had ignored warnings")],
    ),
    # "denied any wrongdoing / involvement": the act its side is accused of, else the blame itself
    "denied-any-involvement-is-the-accused-act": (
        "Ukraine accused Russia of setting fire to the depot. Kremlin spokesman Dmitry Sorin denied any "
        "involvement.",
        [("Ukraine", A, "Russia setting fire to the depot"),
         ("Dmitry Sorin", D, "Russia setting fire to the depot")],
    ),
    "denied-any-wrongdoing-unaccused": (
        "Analysts said the port was busy. Korrin Shipping denied any wrongdoing. Kremlin spokesman Dmitry "
        "Sorin denied any involvement in the fire. Moscow denied Russian involvement in the blast.",
        [("Analysts", A, "the port was busy"), ("Korrin Shipping", D, "Korrin Shipping committed wrongdoing"),
         ("Dmitry Sorin", D, "Russia was involved in the fire"),
         ("Russia", D, "Russian involvement in the blast")],
    ),
    # "it rejected suggestions in the press that P", the clause hung on the verb
    "rejected-suggestions-that-with-the-clause-hung-on-the-verb": (
        "Velto said its software was safe, and it rejected suggestions in the press that its servers "
        "had been breached.",
        [("Velto", A, "its software was safe"), ("Velto", D, "its servers had been breached")],
    ),
    # the parser hangs the narrator's "and it rejected Q" on the reported P: its own denial
    "and-it-rejected-hung-on-what-was-said": (
        "The crane control software is supplied by Vesimo Automation, a Finnish firm whose systems run "
        "cranes at more than 40 ports in Europe. Vesimo said in a statement that its product contained "
        "no flaw that the attackers had exploited, and it rejected suggestions in Latvian media that its "
        "own remote-access service had been breached.",
        [("Vesimo Automation", D, "its product contained flaw"),
         ("Vesimo Automation", D, "its own remote-access service had been breached")],
    ),
    # "its product contained no flaw" rebuts; "its audit turned up no links" reports a search
    "its-product-contained-no-flaw-but-its-audit-found-none": (
        "Velto said its product contained no flaw that the hackers could exploit. Velto said its audit "
        "had turned up no such links.",
        [("Velto", D, "its product contained flaw that the hackers could exploit"),
         ("Velto", A, "its audit had turned up no such links")],
    ),
    "had-not-received-any-evidence": (
        "The US said the yard repaired the warships. Malaysia said it had not received any evidence "
        "that the yard had broken the law.",
        [("United States", A, "the yard repaired the warships"),
         ("Malaysia", A, "had not received any evidence that the yard had broken the law")],
    ),
    # a denial verb quoted on its own: the tagger would read it as a noun
    "a-quoted-denial-verb": (
        "The customs service said the cars were cleared. It \"categorically rejects\" claims that the "
        "service helped Moscow evade sanctions, a spokesperson said.",
        [("customs service", A, "the cars were cleared"),
         ("customs service", D, "the service helped Moscow evade sanctions")],
    ),
    "according-to-those-documents": (
        "The report rests on invoices leaked by a former clerk. According to those documents, the "
        "broker paid the officials in cash.",
        [("documents", A, "the broker paid the officials in cash")],
    ),
    # the name after a subject's relative clause, hung by the parser inside that clause
    "a-name-after-a-relative-clause": (
        "The contractor whose account was used, Gdansk-based Portvex Marine, said it was cooperating "
        "with investigators.",
        [("Portvex Marine", A, "was cooperating with investigators")],
    ),
    # what a court or jury hears is the prosecution's case; a court that tells speaks itself
    "a-court-heard": (
        "A customs clerk sold the inspection rota to a smuggling ring, a court heard on Monday.",
        [("prosecutors", A, "sold the inspection rota")],
    ),
    "jurors-were-told-after-prosecutors-named": (
        "Prosecutors in Hamburg charged Ines Vogt in May. Jurors were told that she had copied the "
        "files onto a memory stick.",
        [("Prosecutors", A, "she had copied the files")],
    ),
    # a minister with no country named, in a sentence that sets its scene in a capital first
    "a-minister-speaking-in-the-capital": (
        "Ghana said the border was calm. Speaking at a briefing in Lome on Friday, "
        "Foreign Minister Kofi Agbeko said Togo had never sent a single rifle to the rebels.",
        [("Ghana", A, "the border was calm"),
         ("Kofi Agbeko", D, "Togo had sent a single rifle to the rebels")],
    ),
    # the quoted judgement the parser buries inside the claim it judges; the spokesperson the
    # article described is who "the spokesperson" is next
    "a-buried-quoted-verdict-and-the-spokesperson-next": (
        "A jury heard the case. In Beijing, a Foreign Ministry spokesperson called the allegation "
        "that Ellison had passed technology to Chinese intelligence “pure fabrication.” "
        "The spokesperson said China had never instructed anyone to obtain technology by illegal means.",
        [("Foreign Ministry spokesperson", D, "Ellison had passed technology to Chinese intelligence"),
         ("Foreign Ministry spokesperson", D, "China had instructed anyone to obtain technology")],
    ),
    # unnamed sources described by what follows them
    "a-person-familiar-with-the-matter": (
        "A person familiar with the matter said prosecutors were examining the transfers.",
        [("person familiar with the matter", A, "prosecutors were examining the transfers")],
    ),
    # a group's claim of an attack says it carried the attack out; a claim with a clause reports it
    "claimed-the-attack": (
        "Night Lantern itself claimed the attack in a post on its leak site on Monday evening. "
        "The company claimed that its backups were intact.",
        [("Night Lantern", A, "Night Lantern carried out the attack"),
         ("company", A, "its backups were intact")],
    ),
    "a-harm-said-not-done-is-denied": (
        "Hackers hit Lindmark Water last week. The utility said customer data was not "
        "accessed. The Water Agency insisted that no control systems had been compromised.",
        [("Lindmark Water", D, "customer data was accessed"),
         ("Water Agency", D, "control systems had been compromised")],
    ),
    "a-harm-that-should-not-be-done-is-a-wish": (
        "The Trade Ministry said exports between the two neighbours should not be disrupted.",
        [("Trade Ministry", A, "should not be disrupted")],
    ),
    "an-official-in-a-named-body": (
        "A senior official in the Transport Ministry said the signalling system had been tampered with. "
        "An Energy Agency official said the grid was stable.",
        [("Transport Ministry", A, "signalling system had been tampered with"),
         ("Energy Agency", A, "grid was stable")],
    ),
    "a-name-given-by-a-clause": (
        "A group that calls itself Copper Heron claimed responsibility for the outage. "
        "The group said it had wiped the billing servers.",
        [("Copper Heron", A, "Copper Heron carried out the outage"),
         ("Copper Heron", A, "had wiped the billing servers")],
    ),
    "a-name-given-by-a-clause-outside-the-speaker": (
        "The outage was blamed on a network known as Amber Kite. The network said the servers were "
        "an easy target.",
        [("Amber Kite", A, "servers were an easy target")],
    ),
    "according-to-the-report-is-its-author": (
        "The Baltic Shipping Observatory published a report on Friday. According to the report, "
        "nine tankers switched off their transponders.",
        [("Baltic Shipping Observatory", A, "nine tankers switched off their transponders")],
    ),
    "according-to-the-report-a-speaker-said-it-in": (
        "A Vienna-based monitoring group said in a report on Friday that the fleet had grown. "
        "According to the report, nine tankers switched off their transponders.",
        [("Vienna based monitoring group", A, "the fleet had grown"),
         ("Vienna based monitoring group", A, "nine tankers switched off their transponders")],
    ),
    "a-founders-quoted-we-never-is-the-business-denying": (
        "Tallgrass founder Pavel Orlin rejected the findings. \"We do not train militias,\" he wrote.",
        [("Pavel Orlin", D, "the findings"), ("Pavel Orlin", D, "Tallgrass do train militias")],
    ),
    "there-has-been-no-transfer-of-our-sides-arms": (
        "Chile denied selling rifles to the rebels. \"There has been no transfer of Chilean arms to the "
        "rebels,\" foreign office spokeswoman Paula Rojas said.",
        [("Chile", D, "selling rifles"), ("Paula Rojas", D, "There has been a transfer of Chilean arms")],
    ),
    "this-was-not-what-it-was-said-to-be": (
        "\"This was not a prank by students,\" the inspector, Ada Lund, said.",
        [("Ada Lund", D, "This was a prank by students")],
    ),
    "nothing-at-risk-and-no-sign-of-it": (
        "\"At no point was anyone's power supply at risk,\" chief executive Omar Haddad said. The regulator "
        "said it had found no evidence that the intruders changed any settings.",
        [("Omar Haddad", D, "power supply at risk"),
         ("regulator", D, "the intruders changed any settings")],
    ),
    "a-report-after-the-comma-hung-on-a-noun": (
        "Harbourview Freight moved 40 containers, watchdog group Clear Cargo Watch alleged in a report. "
        "The group also alleged that a customs officer had been paid.",
        [("Clear Cargo Watch", A, "Harbourview Freight moved 40 containers"),
         ("Clear Cargo Watch", A, "a customs officer had been paid")],
    ),
    "the-government-in-a-capital": (
        "The government in Nairobi insists the advisers are there to train its police.",
        [("Kenya", A, "the advisers are there to train")],
    ),
    "a-title-in-apposition-says-whom-a-later-we-means": (
        "Investigators said Coldharbour Logistics ships rifles to Chad. Coldharbour's founder, Piet Vermaak, "
        "replied on Friday. \u201cWe take no orders from any government,\u201d he wrote.",
        [("Investigators", A, "ships rifles to Chad"),
         ("Piet Vermaak", D, "Coldharbour Logistics take orders from any government")],
    ),
    "the-short-name-of-a-business-the-tagger-took-for-a-person": (
        "Auditors said Brennick Avionics AG had sold sensors to an arms broker. \u201cBrennick has never "
        "done business with the army,\u201d the company wrote.",
        [("Auditors", A, "sold sensors to an arms broker"),
         ("Brennick Avionics AG", D, "Brennick has done business with the army")],
    ),
    "the-panel-is-the-panel-named-before": (
        "The UN Panel of Experts on Mali said Taborn Ltd had flown rifles into Gao. "
        "Citing flight records, the panel said the cargo was unloaded at night.",
        [("UN Panel of Experts on Mali", A, "flown rifles into Gao"),
         ("UN Panel of Experts on Mali", A, "cargo was unloaded at night")],
    ),
    "an-appeal-on-its-own-states-nothing": (
        "Norway called on the Security Council to reject the report.",
        [],
    ),
    "a-setting-run-into-the-subject-is-no-speaker": (
        "Outside court, his lawyer, Mira Dahl, said the evidence had been planted.",
        [("Mira Dahl", A, "evidence had been planted")],
    ),
    "the-subject-of-a-relative-clause-is-not-what-it-means": (
        "Coral Mesh Networks said it had been breached. Security firm Varn Labs, which Coral hired to "
        "investigate, said the intrusion was the work of Sable Viper, a group it links to Russia's GRU.",
        [("Coral Mesh Networks", A, "had been breached"), ("Varn Labs", A, "the work of Sable Viper"),
         ("Varn Labs", A, "Russia's GRU was behind a group")],
    ),
    "a-date-after-a-body-is-no-part-of-its-name": (
        "The Treasury Department on Wednesday imposed sanctions on a trader that it accused of selling "
        "chips to Russia.",
        [("Treasury Department", A, "selling chips to Russia")],
    ),
    "it-after-a-named-body-that-was-the-subject": (
        "Prosecutors said Halden Trust Bank ignored sanctions alerts. Halden Trust Bank itself has not been "
        "charged. It denied any wrongdoing on Friday.",
        [("Prosecutors", A, "ignored sanctions alerts"), ("Halden Trust Bank", D, "wrongdoing")],
    ),
    "the-university-is-the-university-named": (
        "The Strand Institute said Corrin University passed drone research to the army. "
        "The university rejected the findings.",
        [("Strand Institute", A, "passed drone research"),
         ("Corrin University", D, "passed drone research")],
    ),
    "called-simply-wrong": (
        "The Strand Institute said Corrin University passed drone research to the army. "
        "Corrin University called the claim \"simply wrong\".",
        [("Strand Institute", A, "passed drone research"),
         ("Corrin University", D, "passed drone research")],
    ),
    "said-it-rejected-the-suggestion-that": (
        "Prosecutors said Halden Bank ignored sanctions. The bank said it rejected any suggestion that "
        "it had turned a blind eye to sanctions risk.",
        [("Prosecutors", A, "ignored sanctions"),
         ("Halden Bank", D, "turned a blind eye to sanctions risk")],
    ),
    "a-quoted-we-reject": (
        "Prosecutors said Halden Bank ignored sanctions. \u201cWe reject any suggestion that the bank turned "
        "a blind eye to sanctions risk,\u201d the bank said.",
        [("Prosecutors", A, "ignored sanctions"), ("Halden Bank", D, "the bank turned a blind eye")],
    ),
    "a-lawyer-relays-the-clients-denial": (
        "Prosecutors charged Tomas Brenner with spying for Iran. His lawyer, Ines Vogt, said her client "
        "categorically denied the charges.",
        [("Prosecutors", A, "Tomas Brenner spying for Iran"),
         ("Ines Vogt", D, "Tomas Brenner spying for Iran")],
    ),
    "the-militia-named-is-a-body": (
        "Witnesses said Dorrin Mining paid the militia Jeshi Huru. A spokesman for Jeshi Huru said the group "
        "had never taken money from any company.",
        [("Witnesses", A, "paid the militia Jeshi Huru"), ("Jeshi Huru", D, "taken money from any company")],
    ),
    "its-things-never-did-it": (
        "The Philippine Navy said trawlers of Selway Fishing Company cut the cable. In a statement, "
        "the company said its boats were never within 20 miles of the cable.",
        [("Philippine Navy", A, "cut the cable"),
         ("Selway Fishing Company", D, "its boats were within 20 miles")],
    ),
    "a-quote-left-open-is-closed-in-the-next-paragraph": (
        "Analyst Mirela Dobre of Ostrand Labs walked us through the evidence.\n\n"
        "\"The servers overlap with ones we have tracked for years. The code has Persian comments.\n\n"
        "\"None of this on its own is proof,\" she said.",
        [("Mirela Dobre", A, "servers overlap"), ("Mirela Dobre", A, "code has Persian comments"),
         ("Mirela Dobre", A, "None of this on its own is proof")],
    ),
    "an-untagged-name-after-a-role-is-a-person": (
        "Ostrand Labs's head of research, Annika Lehtovaara, spoke on Tuesday. "
        "\"The servers overlap with ones we have tracked,\" she said.",
        [("Annika Lehtovaara", A, "servers overlap")],
    ),
    "the-report-rejected-is-what-its-author-said-first": (
        "The security firm Ostrand Labs published a report on Monday. The report says Iran hacked the "
        "Azerbaijani foreign ministry. Zaur Aliyev, an analyst, said Baku was cautious. In Tehran, foreign "
        "ministry spokesman Reza Nouri rejected the report as a fabrication.",
        [("Ostrand Labs", A, "Iran hacked"), ("Zaur Aliyev", A, "Baku was cautious"),
         ("Reza Nouri", D, "Iran hacked")],
    ),
    "according-to-an-indictment-is-the-prosecutors": (
        "A Cypriot bank processed $41 million for an arms broker, according to an indictment unsealed in "
        "New York on Thursday.",
        [("prosecutors", A, "processed $41 million")],
    ),
    "the-n-year-old-is-the-person-spoken-of": (
        "Pieter Vos, a former security manager, testified on Wednesday. \u201cEvery month there was an "
        "envelope,\u201d the 54-year-old told the court.",
        [("Pieter Vos", A, "Every month there was an envelope")],
    ),
    "the-company-is-the-business-named-last": (
        "The Philippine Navy said trawlers of the Selway Fishing Company cut the cable. The cable is "
        "operated by the Tarn Grid Corporation. In a statement, the company said repairs could take until "
        "March.",
        [("Philippine Navy", A, "cut the cable"),
         ("Tarn Grid Corporation", A, "repairs could take until March")],
    ),
    "the-newsroom-told-is-not-the-company": (
        "Tarn Grid Corporation said the cable was cut. \"We have found the break,\" its chief engineer, Ana "
        "Ruiz, told Harbour Radio News. The company also said repairs could take until March.",
        [("Tarn Grid Corporation", A, "cable was cut"), ("Ana Ruiz", A, "found the break"),
         ("Tarn Grid Corporation", A, "repairs could take until March")],
    ),
    "two-finite-predicates-of-one-subject-are-two-propositions": (
        "Corvel Metals said it had bought the copper in good faith and had stopped all purchases in May. "
        "The Danish Financial Supervisory Authority said it had been reviewing the filings and checking "
        "the accounts of the broker.",
        [("Corvel Metals", A, "had bought the copper in good faith"),
         ("Corvel Metals", A, "Corvel Metals had stopped all purchases in May"),
         ("Danish Financial Supervisory Authority", A, "reviewing the filings and checking the accounts")],
    ),
    "a-negated-reporting-verb-reports-nothing": (
        "Police would not say whether other embassy staff were under investigation. "
        "Sudan has not denied receiving the shells. Officials do not believe that Iran sent them.",
        [],
    ),
    "the-newsroom-a-statement-went-to-is-not-the-company": (
        "Orbis Metals buys ore in Uganda. In a statement to ABN, the company said all of it came from "
        "licensed mines.",
        [("Orbis Metals", A, "came from licensed mines")],
    ),
    "accusations-were-fabricated-denies-them": (
        "Lithuania said Kaunas Grain had shipped fertiliser to Belarus. Its director, Ona Vaitkus, said "
        "the accusations were \"fabricated from start to finish\".",
        [("Lithuania", A, "shipped fertiliser to Belarus"),
         ("Ona Vaitkus", D, "shipped fertiliser to Belarus")],
    ),
    "fishermen-and-customers-are-sources": (
        "In Dapdap, fishermen say the foreign boats rarely haul in a catch. "
        "Some customers have accused Helmi Soft of waiting three weeks before warning them.",
        [("fishermen", A, "rarely haul in a catch"), ("customers", A, "waiting three weeks")],
    ),
    "a-refusal-in-a-conjunct-states-nothing": (
        "The regulator said it was reviewing the report and declined to comment further. Officials "
        "said the drones had been launched from the coast but made no mention of any losses.",
        [("regulator", A, "reviewing the report"), ("Officials", A, "launched from the coast")],
    ),
    "a-public-body-with-none-named-is-not-the-business-that-spoke": (
        "Corvell Metals said it had followed every rule. "
        "The regulator said the firm had ignored three warnings.",
        [("Corvell Metals", A, "followed every rule"), ("regulator", A, "ignored three warnings")],
    ),
    "a-parenthetical-report-reports-the-sentence-around-it": (
        "Rita Okafor tracks the exchange. North Korea's hackers, she said, would probably move to "
        "smaller mixers.",
        [("Rita Okafor", A, "North Korea's hackers would probably move to smaller mixers")],
    ),
    "not-saying-what-or-not-commenting-states-nothing": (
        "Karin Dahl said the response would be proportionate, but she did not say what measures were "
        "considered. A spokesperson for the agency said the agency did not comment on investigations.",
        [("Karin Dahl", A, "the response would be proportionate")],
    ),
    "not-knowing-who-is-a-statement": (
        "Henrik Lund said investigators could not explain why the anchor was down.",
        [("Henrik Lund", A, "could not explain why the anchor was down")],
    ),
    "repeating-a-claim-reports-it": (
        "Envoy Hassan Idris repeated that the images had been bought, not stolen.",
        [("Hassan Idris", A, "the images had been bought")],
    ),
    "what-someone-is-not-rebuts-what-they-were-called": (
        "\"The exchange was not a neutral tool,\" said regulator Anna Holm. "
        "\"These men are not soldiers,\" she added.",
        [("Anna Holm", D, "The exchange was a neutral tool"), ("Anna Holm", D, "These men are soldiers")],
    ),
    "what-something-is-not-but-is-is-a-correction": (
        "Analysts said the bigger danger was not the fine but the ban. "
        "Analysts said the penalty would not be the last one.",
        [("Analysts", A, "was not the fine but the ban"), ("Analysts", A, "would not be the last one")],
    ),
    "the-idea-that-p-is-absurd-when-the-parser-loses-the-copula": (
        "Ruud Smit runs Keller Chemie. \"We sell paint,\" he said. "
        "\"The idea that we would knowingly help anybody make nerve gas is absurd.\"",
        [("Ruud Smit", A, "We sell paint"), ("Ruud Smit", D, "would knowingly help anybody make nerve gas")],
    ),
    "the-reporting-called-a-smear-is-denied-and-said-to-be-built-on-something": (
        "Ruud Smit runs Keller Chemie. He called the reporting \"a smear built on old spreadsheets\".",
        [("Ruud Smit", D, "the reporting"),
         ("Ruud Smit", A, "the reporting is a smear built on old spreadsheets")],
    ),
    "a-person-introduced-by-their-role-is-the-year-old-who-speaks-next": (
        "Oja denied that the exchange had processed stolen funds. Their lawyer, Mia Lund of the firm "
        "Lund Vogt, went further. The 47-year-old said her clients had no way to block any user.",
        [("Oja", D, "the exchange had processed stolen funds"),
         ("Mia Lund", A, "her clients had no way to block any user")],
    ),
    "a-joint-statement-with-another-body-is-theirs-too": (
        "The organiser, Baltic Fairs Group, said in a joint statement with the Riga Chamber of Commerce "
        "that the incident had been an isolated act.",
        [("Baltic Fairs Group", A, "an isolated act"), ("Riga Chamber of Commerce", A, "an isolated act")],
    ),
    "a-short-name-of-a-business-named-in-a-list-is-that-business": (
        "The report names two managers: Gannet Reach Ship Management, based in Dubai, and Corvo Marine "
        "Services. Gannet Reach said its vessels had never switched off their transponders.",
        [("Gannet Reach Ship Management", D, "switched off their transponders")],
    ),
    "there-is-no-x-rebuts-that-there-is-one": (
        "Brightdesk said there was no vulnerability in its code. Deputy Minister Oleg Sarin said there "
        "was no shadow fleet. Brightdesk said there was no evidence that data had been stolen, and no "
        "reason for panic.",
        [("Brightdesk", D, "there was a vulnerability in its code"),
         ("Oleg Sarin", D, "there was a shadow fleet"),
         ("Brightdesk", A, "there was no evidence that data had been stolen")],
    ),
    "a-reporting-verb-the-tagger-reads-as-a-noun": (
        "Prosecutors allege she offered the plans to a foreign agent.",
        [("Prosecutors", A, "she offered the plans to a foreign agent")],
    ),
    "the-54-year-old-is-the-person-spoken-of": (
        "Lena Varga, a customs broker, was arrested in March. The 61-year-old said she had never "
        "met the buyers.",
        [("Lena Varga", D, "had met the buyers")],
    ),
    "according-to-x-one-statement-per-act-of-a-chain": (
        "According to the indictment, Marlow Freight bought the lathes in Turin, relabelled them as "
        "farm machinery and shipped them to Minsk.",
        [("prosecutors", A, "Marlow Freight bought the lathes in Turin"),
         ("prosecutors", A, "Marlow Freight relabelled them as farm machinery"),
         ("prosecutors", A, "Marlow Freight shipped them to Minsk")],
    ),
    "a-second-report-hung-on-what-was-said-is-the-speakers-own": (
        "Ines Kallas said the network's clips were viewed about two million times, but cautioned that "
        "many of those views came from automated accounts.",
        [("Ines Kallas", A, "the network's clips were viewed about two million times"),
         ("Ines Kallas", A, "many of those views came from automated accounts")],
    ),
    "a-judgement-of-a-deed-hung-on-what-was-said-is-the-speakers-own": (
        "The embassy said the crew had acted lawfully and called the seizure of the ship an act of piracy.",
        [("embassy", A, "the crew had acted lawfully"),
         ("embassy", A, "the seizure of the ship is an act of piracy")],
    ),
    "an-unnamed-person-the-text-describes-speaks": (
        "A former Corvane employee, who asked not to be named, said the invoices were forged. "
        "A person at one of the affected banks said the transfers had stopped.",
        [("former Corvane employee", A, "the invoices were forged"),
         ("person at one of the affected banks", A, "the transfers had stopped")],
    ),
    "the-short-name-of-a-business-is-that-business-however-tagged": (
        "The satellite operator Corvid Orbital said it was worried. Corvid described the manoeuvre as "
        "reckless. Brixa Energy said it was worried. Brixa described the attack as reckless.",
        [("Corvid Orbital", A, "Corvid Orbital was worried"),
         ("Corvid Orbital", A, "the manoeuvre is reckless"),
         ("Brixa Energy", A, "Brixa Energy was worried"),
         ("Brixa Energy", A, "the attack is reckless")],
    ),
    "a-parenthetical-report-inside-a-partial-quote": (
        "Lena Sorvik is an analyst. Without a steady supply of spare parts, Sorvik added, the radars "
        "would \"probably be blind within a year\".",
        [("Lena Sorvik", A, "the radars would probably be blind within a year")],
    ),
    "a-subject-the-parser-read-as-a-modifier": (
        "Kerem Aldan, 51, runs the firm. The 51-year-old added that the firm had handled fewer than 20 "
        "consignments. Tessly, which is based in Dublin, said it had removed the profile in January. "
        "Qiang Lun was expelled on Monday. \"I am a reporter, nothing else,\" the 47-year-old said.",
        [("Kerem Aldan", A, "the firm had handled fewer than 20 consignments"),
         ("Tessly", A, "had removed the profile in January"),
         ("Qiang Lun", A, "a reporter, nothing else")],
    ),
    "records-and-figures-as-sources": (
        "Car imports rose twentyfold in four years, according to figures from the Tarn Valley Statistics "
        "Office. The ships sailed to Latakia, according to shipping records. The records show three "
        "ships leaving the port.",
        [("Tarn Valley Statistics Office", A, "Car imports rose twentyfold in four years"),
         ("shipping records", A, "The ships sailed to Latakia"),
         ("shipping records", A, "three ships leaving the port")],
    ),
    "a-denied-report-the-parser-did-not-make-an-object": (
        "Kenya has also denied, in the past, reports by UN experts that it allowed arms to cross into "
        "Somalia.",
        [("Kenya", D, "Kenya allowed arms to cross into Somalia")],
    ),
    "the-militia-is-what-the-article-called-a-militia": (
        "The Lomba Self-Defence Front, a militia, is active in the north. The militia says it exists to "
        "protect villagers from bandits, a claim rights organisations dispute.",
        [("Lomba Self-Defence Front", A, "exists to protect villagers from bandits"),
         ("rights organisations", D, "exists to protect villagers from bandits")],
    ),
    "an-indefinite-official-is-someone-new": (
        "Petra Lind, an official at the ministry, said the case was serious. A German security official, "
        "speaking on condition of anonymity, said the suspect had met an aide six times. A former shipmate, "
        "who asked not to be named, described the suspect as a quiet officer.",
        [("Petra Lind", A, "the case was serious"),
         ("German security official", A, "the suspect had met an aide six times"),
         ("former shipmate", A, "the suspect is a quiet officer")],
    ),
    "a-bare-spokeswoman-speaks-for-the-body-the-sentence-is-about": (
        "Hollin University suspended him. The university first learned of concerns about his work in "
        "March, a spokeswoman said.",
        [("Hollin University", A, "first learned of concerns about his work in March")],
    ),
    "having-no-information-or-means-says-what-one-knows": (
        "Petr Halas said he had no information about any incident at the plant. The firm said it had no "
        "means of tracking the parts after delivery, and that it had no staff in Russia.",
        [("Petr Halas", A, "had no information about any incident at the plant"),
         ("firm", A, "had no means of tracking the parts after delivery"),
         ("firm", D, "had staff in Russia")],
    ),
    "a-parenthetical-report-of-two-acts": (
        "Marta Kosk is a prosecutor. Lin, she said, had used his press pass to cultivate sources among "
        "parliamentary staff, and had passed the notes to his handlers.",
        [("Marta Kosk", A, "Lin had used his press pass to cultivate sources among parliamentary staff"),
         ("Marta Kosk", A, "Lin had passed the notes to his handlers")],
    ),
    "accused-of-one-act-and-of-another": (
        "Spokesperson Wen Lu accused Denmark of \"politicising normal media work\" and of \"smearing a "
        "Chinese journalist without any evidence\".",
        [("Wen Lu", A, "Denmark politicising normal media work"),
         ("Wen Lu", A, "Denmark smearing a Chinese journalist without any evidence")],
    ),
    "someone-who-identified-himself-as-a-groups-voice": (
        "The Tarn Brigade, a hacker group, claimed the attack. A person who identified himself as the "
        "group's administrator denied that it had any link to the Russian state.",
        [("Tarn Brigade", A, "carried out the attack"),
         ("Tarn Brigade", D, "link to the Russian state")],
    ),
    "a-place-a-company-is-based-in-is-no-company": (
        "Kessen Radar, which is based in Eindhoven, said it had sold the modules in good faith. The company "
        "said it had stopped all sales to the broker in March.",
        [("Kessen Radar", A, "had sold the modules in good faith"),
         ("Kessen Radar", A, "had stopped all sales to the broker in March")],
    ),
    "a-promise-to-act-states-nothing": (
        "Under its export contract, Kenya promised not to transfer the rifles to anyone. Kenya pledged "
        "that it had never sold arms to the militia.",
        [("Kenya", D, "Kenya had sold arms to the militia")],
    ),
    "a-regulator-named-in-apposition-is-a-body": (
        "The regulator, the Financial Markets Board, said it would appeal the ruling.",
        [("Financial Markets Board", A, "would appeal the ruling")],
    ),
    "a-states-own-missions-never-did-it": (
        "Canberra accused Beijing of running informers among students. In a statement, the Chinese embassy "
        "said Chinese diplomatic missions \"have never engaged in so-called infiltration activities\".",
        [("Australia", A, "running informers among students"),
         ("Chinese embassy", D, "Chinese diplomatic missions have engaged in so-called infiltration")],
    ),
    "another-states-firms-never-did-it-is-asserted": (
        "The State Department said Chinese companies had not stopped selling drone parts to Russia.",
        [("US State Department", A, "Chinese companies had not stopped selling")],
    ),
    "the-company-is-the-one-its-lawyer-speaks-for": (
        "Marlow Trading FZE shipped valves to Korsak Air. Marlow's lawyer, Dina Farouk, said Marlow had no "
        "knowledge of any link between its buyer and Korsak Air, and that the company had never sold goods "
        "to an Iranian entity.",
        [("Dina Farouk", A, "no knowledge of any link"),
         ("Dina Farouk", D, "Marlow had sold goods to an Iranian entity")],
    ),
    "a-company-described-further-keeps-its-words": (
        "Marlow Trading FZE shipped valves to Korsak Air. Marlow's lawyer, Dina Farouk, said the company in "
        "Armenia had never sold goods to an Iranian entity.",
        [("Dina Farouk", D, "the company in Armenia had sold goods")],
    ),
    "the-company-is-never-its-chief-though-tagged-a-body": (
        "Hackers hit the Baltic Container Terminal on Monday. The terminal's chief executive, "
        "Marta Zielinska, said no containers had been damaged. "
        "She said the company had not received any ransom demand.",
        [("Marta Zielinska", D, "containers had been damaged"),
         ("Marta Zielinska", D, "the company had received any ransom demand")],
    ),
    "the-company-a-regulator-speaks-of-is-another": (
        "Ostrava Metals Ltd was fined by the regulator. "
        "The regulator said the company had not filed its accounts.",
        [("regulator", A, "the company had not filed its accounts")],
    ),
    "an-acronym-modifying-a-noun-is-no-business": (
        "Tidewater Crewing said its vessels never switched off their AIS transponders. \"We provide crews, "
        "nothing more,\" the company's managing director, Omar Haddad, said.",
        [("Tidewater Crewing", D, "vessels switched off their AIS transponders"),
         ("Omar Haddad", A, "Tidewater Crewing provide crews")],
    ),
    "a-second-that-clause-hung-inside-the-first": (
        "The panel said debris recovered near the airfield carried serial numbers linked to a Serbian "
        "maker, and that Belgrade had not answered its letters.",
        [("panel", A, "debris recovered near the airfield carried serial numbers"),
         ("panel", A, "Belgrade had not answered its letters")],
    ),
    "a-second-that-clause-hung-on-the-reporting-verb": (
        "Kessler was charged on Monday. Ewan Blake, for the prosecution, told the court the material was "
        "export-controlled and \"of direct military value\", and that the engineer had received $40,000 "
        "from the institute.",
        [("Ewan Blake", A, "the material was export-controlled"),
         ("Ewan Blake", A, "the engineer had received $40,000")],
    ),
    "a-that-clause-within-an-unconfirmed-one-stays-in-it": (
        "Tarja Lehto stressed that the group had not been able to confirm that the wagons carried shells, "
        "or that the ammunition was made in Serbia.",
        [("Tarja Lehto", A, "confirm that the wagons carried shells, or that the ammunition")],
    ),
    "a-line-ending-in-a-colon-introduces-the-quote": (
        "Swedish MEP Katrin Lindqvist asked first.\n\n"
        "Lindqvist said Orbitel had been warned three times by the regulator.\n\n"
        "Kuiper has begun her opening statement. Here are the key lines:\n\n"
        "\"Orbitel has never carried a sanctioned channel.\n\n"
        "\"The signal was uplinked by a distributor. We were misled,\" she told MEPs.",
        [("Katrin Lindqvist", A, "Orbitel had been warned"),
         ("Kuiper", A, "Orbitel has never carried a sanctioned channel"),
         ("Kuiper", A, "The signal was uplinked by a distributor"),
         ("Kuiper", A, "We were misled")],
    ),
    "a-statement-sent-to-a-newsroom-is-not-its": (
        "Velmar Container Lines operates 14 ships. In a statement sent to Radio Kestrel, the company said "
        "its crews had been paid in full.",
        [("Velmar Container Lines", A, "crews had been paid in full")],
    ),
    "a-subject-hung-on-the-auxiliary": (
        "Velmar Container Lines operates 14 ships. The company said its ships had \"at no time carried "
        "weapons of any kind.\"",
        [("Velmar Container Lines", D, "its ships had carried weapons of any kind")],
    ),
    "the-company-is-no-armed-movement": (
        "Sarhad Petroleum said its safety systems had worked. The Taliban said they had no drones. "
        "The refinery will stay shut for three months, according to the company.",
        [("Sarhad Petroleum", A, "safety systems had worked"),
         ("Taliban", A, "they had no drones"),
         ("Sarhad Petroleum", A, "refinery will stay shut")],
    ),
    "a-hyphenated-title-before-the-name": (
        "\"Anyone looking at the raw data for a week would have seen it,\" said Skyline co-founder "
        "Jonas Berg.",
        [("Jonas Berg", A, "Anyone looking at the raw data")],
    ),
    "a-collective-named-before-is-the-group": (
        "Kestrel Air did not respond.\n\n"
        "Researchers at Skyline Collective, a volunteer group, say the pattern was hard to miss.\n\n"
        "According to the group, the jets regularly switched off their transponders.",
        [("Researchers", A, "the pattern was hard to miss"),
         ("Skyline Collective", A, "switched off their transponders")],
    ),
    "a-report-the-parser-made-a-conjunct-of-the-quote": (
        "Velto Drones makes drones. \"Velto has never sold a drone to the army, and we never will,\" chief "
        "executive Nora Quill told the Herald in her first interview since the ban.",
        [("Nora Quill", D, "Velto has sold a drone to the army")],
    ),
    "the-charges-are-what-was-charged-not-a-defence": (
        "The KGB accused Anna Ferris of photographing military sites. \"Anna is a reporter,\" her sister, "
        "Mia Ferris, said. Her editor, Tom Hale, called the charges \"a fabrication\".",
        [("KGB", A, "Anna Ferris photographing military sites"),
         ("Mia Ferris", A, "Anna is a reporter"),
         ("Tom Hale", D, "Anna Ferris photographing military sites")],
    ),
    "the-country-of-a-states-body": (
        "Aralis has subscribers in Kazakhstan and neighbouring Kyrgyzstan. "
        "Kazakhstan's foreign ministry said the country complied with all sanctions regimes.",
        [("Kazakhstan's foreign ministry", A, "Kazakhstan complied with all sanctions regimes")],
    ),
    "a-denial-conjoined-to-the-complement": (
        "The Velkor Front said on Telegram that its fighters had carried out the strike, and denied "
        "receiving help from any government.",
        [("Velkor Front", A, "its fighters had carried out the strike"),
         ("Velkor Front", D, "receiving help from any government")],
    ),
    "that-is-not-true": (
        "Lindqvist said Astor had been warned three times. "
        "\"That is simply not true,\" Kuiper told the committee.",
        [("Lindqvist", A, "Astor had been warned three times"),
         ("Kuiper", D, "Astor had been warned three times")],
    ),
    "not-one-of-them": (
        "Not a single cargo had been loaded there, the company said.",
        [("company", D, "a single cargo had been loaded there")],
    ),
    # the apposition makes the name a person's however the tagger labels it; "he" is not the
    # attorney who spoke last but the subject of the narrated sentence before; "his spokesman"
    # serves that person, whose quoted "He has never" is then a denial
    "spokesman-of-a-person-named-as-a-dealer": (
        "Prosecutors allege that the clerk wired money for Tibor Halasz, a Slovak-born dealer whom "
        "the Treasury blacklisted last year.\n"
        "\"He knew exactly what he was doing,\" said Joan Pike, the US attorney.\n"
        "Halasz, who lives in Vienna, has not been charged. Through his spokesman, Marek Dvorsky, he "
        "dismissed the allegations as \"pure fiction\" and said he had never sold arms to Myanmar.\n"
        "\"Mr Halasz is an honest trader. He has never traded with Myanmar,\" Dvorsky said.",
        [("Prosecutors", A, "the clerk wired money for Tibor Halasz"),
         ("Joan Pike", A, "He knew exactly"),
         ("Tibor Halasz", D, "the clerk wired money"),
         ("Tibor Halasz", D, "Tibor Halasz had sold arms to Myanmar"),
         ("Marek Dvorsky", A, "Mr Halasz is an honest trader"),
         ("Marek Dvorsky", D, "Tibor Halasz has traded with Myanmar")],
    ),
    # "he" is neither a person first named after it nor one named after the last sentence's subject;
    # "told a colleague that P", with the complement hung on the colleague
    "he-is-the-subject-named-before": (
        "The indictment charges Pavel Rusu, a former bank manager, with fraud. Prosecutors allege that "
        "he approved transfers for Ivo Brankov, a Serbian-born trader whom the Treasury blacklisted.\n"
        "According to the indictment, Rusu ignored alerts linked to Brankov. In one email, he told a "
        "colleague that the companies were clean.",
        [("prosecutors", A, "Pavel Rusu, a former bank manager"),
         ("Prosecutors", A, "he approved transfers for Ivo Brankov"),
         ("Prosecutors", A, "Rusu ignored alerts"),
         ("Pavel Rusu", A, "the companies were clean")],
    ),
    "he-is-not-a-person-named-after-it": (
        "The indictment charges Pavel Rusu, a former bank manager, with fraud. He told investigators "
        "that Ivo Brankov, a Serbian-born trader, had paid him.",
        [("prosecutors", A, "Pavel Rusu, a former bank manager"),
         ("Pavel Rusu", A, "Ivo Brankov, a Serbian-born trader, had paid him")],
    ),
    # "dismissed X as a provocation staged to justify Y": the denial, and what the verdict says X is for
    "a-verdict-with-a-motive-is-asserted-too": (
        "Lithuania charged a Belarusian engineer with spying. The Belarusian embassy dismissed the "
        'charges as "a provocation staged to justify closing the border".',
        [("Lithuania", A, "a Belarusian engineer spying"),
         ("Belarusian embassy", D, "a Belarusian engineer spying"),
         ("Belarusian embassy", A, "the charges are a provocation staged to justify")],
    ),
    # "there was not a single case of P" denies P as "there was no case" does
    "there-was-not-a-single-case": (
        'Observers said ballots had been stuffed in Osh. "There was not a single confirmed case of '
        'ballot stuffing anywhere in the country," election chief Nurgul Asanova said.',
        [("Observers", A, "ballots had been stuffed"),
         ("Nurgul Asanova", D, "There was a single confirmed case of ballot stuffing")],
    ),
    # what an observer recorded, or found, none of is a report, not a denial
    "recorded-no-violations-reports": (
        "Observers said ballots had been stuffed in Osh. A rival mission said it had recorded no "
        "violations that could affect the outcome.",
        [("Observers", A, "ballots had been stuffed"),
         ("rival mission", A, "had recorded no violations")],
    ),
    # a second that-clause whose verb the tagger took for a noun is a complement of its own
    "and-that-q-with-the-verb-tagged-a-noun": (
        'Reports said Iran had bought centrifuges. Spokesman Reza Tavakoli said Iran "has never '
        'imported any banned equipment" and that its research institutes "work in full '
        'transparency".',
        [("Reza Tavakoli", A, "Iran has never imported any banned equipment"),
         ("Reza Tavakoli", A, "its research institutes work in full transparency")],
    ),
    # a man describing himself as a spokesman says who speaks, nothing more; "who gave his name as X" is X
    "a-man-who-described-himself-and-the-name-he-gave": (
        "Prosecutors say the Kassala Front took money from a charity. A man who described himself "
        'as a spokesman for the group denied that it had received any money. "We are financed by '
        'our own people," said the spokesman, who gave his name as Idriss Kone.',
        [("Prosecutors", A, "the Kassala Front took money"),
         ("Kassala Front", D, "Kassala Front had received any money"),
         ("Idriss Kone", A, "We are financed by our own people")],
    ),
    # "(Wada)" after a body's name is that body: "Wada said", "the agency added"
    "a-short-name-in-brackets-is-the-body": (
        "The Nordic Skating Union (NSU) said hackers had altered test results. A phishing email was"
        " disguised as a message from the World Anti-Doping Agency (Wada). Wada said it was deeply "
        "concerned. The agency added that its own systems had not been breached.",
        [("Nordic Skating Union", A, "hackers had altered test results"),
         ("World Anti-Doping Agency", A, "was deeply concerned"),
         ("World Anti-Doping Agency", D, "its own systems had been breached")],
    ),
    # "the Geneva-based federation" is the confederation named before
    "the-place-based-federation": (
        "The International Rowing Confederation said its records were altered. The Geneva-based "
        "federation said the changes were found in March.",
        [("International Rowing Confederation", A, "its records were altered"),
         ("International Rowing Confederation", A, "the changes were found in March")],
    ),
    # "..., repeating that P" continues the statement
    "repeating-that-p": (
        "Finland said two jets had crossed its border. Russia's foreign ministry rejected the "
        "protest, repeating that the aircraft had stayed over neutral waters.",
        [("Finland", A, "two jets had crossed its border"),
         ("Russian Foreign Ministry", D, "the protest"),
         ("Russian Foreign Ministry", A, "the aircraft had stayed over neutral waters")],
    ),
    # "his lawyer" serves the defendant, not the attorney who spoke last; a quoted sentence's subject is no
    # narrated one; "the engineer's employer, X" is a body
    "his-lawyer-serves-the-defendant-not-the-prosecutor": (
        'Prosecutors say Jonas Wirth sold chip tools to Russia. "This defendant made himself their '
        'repair shop," said US Attorney Grace Okoro. His lawyer, Sara Lind, said Wirth would plead '
        'not guilty. "Jonas has never knowingly sent anything to Russia. He sold spare parts to a '
        "customer in Armenia,\" she told reporters. The engineer's employer, Baltrix Systems, said "
        "it had fired him in May.",
        [("Prosecutors", A, "Jonas Wirth sold chip tools"),
         ("Grace Okoro", A, "This defendant made himself"),
         ("Sara Lind", A, "Wirth would plead not guilty"),
         ("Sara Lind", D, "Jonas has knowingly sent anything"),
         ("Sara Lind", A, "Jonas Wirth sold spare parts"),
         ("Baltrix Systems", A, "Baltrix Systems had fired him")],
    ),
}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize("name", sorted(CASES))
def test_phenomenon(extractor: Extractor, name: str) -> None:
    text, expected = CASES[name]
    (ex,) = extractor.extract([Article(name, text)])
    got = [(s.speaker.label, s.stance, s.content) for s in ex.statements]
    unmatched = list(got)
    for label, stance, phrase in expected:
        hit = next((g for g in unmatched if g[0] == label and g[1] is stance and phrase in g[2]), None)
        assert hit is not None, f"{name}: expected {label} {stance.value} '{phrase}', got {got}"
        unmatched.remove(hit)
    assert not unmatched, f"{name}: unexpected statements {unmatched}"
    for s in ex.statements:
        assert text[s.evidence.start : s.evidence.end] == s.evidence.text


@pytest.mark.parametrize(
    "text",
    [
        "\"Is that a coincidence?\" said Ana Ruiz, a researcher.",
        "Ana Ruiz said: \"That's the whole point, isn't it?\"",
        "\"Let them come to Bishkek and look at our planes,\" said Ana Ruiz.",
        "Mara Tamm said: \"Let them come to Tallinn and look at our data.\"",
    ],
)
def test_questions_and_commands_assert_nothing(extractor: Extractor, text: str) -> None:
    (ex,) = extractor.extract([Article("asked", text)])
    assert ex.statements == ()
    told = text.replace("Is that a coincidence?", "The boats turned their transponders off.")
    told = told.replace("Let them come to", "The boats left").replace(", isn't it?", ".")
    (ex,) = extractor.extract([Article("told", told)])
    assert len(ex.statements) == 1, told


def test_a_role_stranded_after_a_quote_is_no_part_of_it(extractor: Extractor) -> None:
    # the parser makes "chief executive" the object of "paid"
    text = "\"We have never paid a ransom to anyone,\" the terminal's chief executive, Marta Kell, said."
    (ex,) = extractor.extract([Article("stranded", text)])
    found = [(s.speaker.label, s.content) for s in ex.statements]
    assert found == [("Marta Kell", "We have paid a ransom to anyone")]


def test_a_report_keeps_no_word_of_another_speakers_clause(extractor: Extractor) -> None:
    # "According to the report, P, which the researchers described as Q": the whole relative clause,
    # its speaker and its "as" too, is no part of what the report says
    text = (
        "Freight Watch published a report on Monday. According to the report, the flights were arranged "
        "through a broker, Nile Star Trading, which the researchers described as a front for army officers."
    )
    (ex,) = extractor.extract([Article("according-relative", text)])
    said = {s.speaker.label: s.content for s in ex.statements}
    assert said["Freight Watch"] == "the flights were arranged through a broker, Nile Star Trading"


def test_a_topic_in_a_title_is_not_a_side(extractor: Extractor) -> None:
    text = (
        "Russia specialist Ann Lee said the talks had stalled. "
        "Russian Foreign Minister Ivan Orlov said they had not."
    )
    (ex,) = extractor.extract([Article("sides", text)])
    sides = {s.speaker.label: s.speaker.speaks_for for s in ex.statements}
    assert sides["Ann Lee"] is None
    assert sides["Ivan Orlov"] is not None and sides["Ivan Orlov"].label == "Russia"


def test_each_of_two_titled_names_has_its_own_title(extractor: Extractor) -> None:
    # the parser folds "A and [title] B" into modifiers of B; each keeps its own side
    text = ("Spanish Prime Minister Elena Ruiz and European Commission President Tomas Berg urged "
            "Minsk to stop the flights, describing the incursions as a threat to European security.")
    (ex,) = extractor.extract([Article("titles", text)])
    sides = {s.speaker.label: s.speaker.speaks_for for s in ex.statements}
    assert set(sides) == {"Elena Ruiz", "Tomas Berg"}, sides
    assert sides["Elena Ruiz"] is not None and sides["Elena Ruiz"].label == "Spain"
    assert sides["Tomas Berg"] is not None and sides["Tomas Berg"].label != "Spain"


def test_a_state_body_in_a_title_speaks_for_the_state_that_spoke_last(extractor: Extractor) -> None:
    text = (
        "Britain said Tehran shipped drones to Russia. Iran denied it. "
        "Foreign Ministry spokesman Ali Rezaei said the report was false. "
        "Company spokesman Tom Reyes said the firm had sold no parts to Tehran."
    )
    (ex,) = extractor.extract([Article("bodies", text)])
    sides = {s.speaker.label: s.speaker.speaks_for for s in ex.statements}
    assert sides["Ali Rezaei"] is not None and sides["Ali Rezaei"].label == "Iran"
    assert sides["Tom Reyes"] is None  # a company is no body of a state
    claims = {s.speaker.label: s.claim.key for s in ex.statements}
    assert claims["Iran"] == claims["United Kingdom"]


def test_nothing_to_do_with_it_denies_the_accusation_and_a_negation_nobody_contradicts_is_asserted(
    extractor: Extractor,
) -> None:
    # the accused's "nothing to do with it" denies the accusation; so does a third party's, since
    # it contradicts what was said; a third party's negation of what nobody said asserts it
    text = (
        "Estonia blamed Russia for the cyberattack on its banks. The Kremlin said Moscow had nothing "
        "to do with the attack. Jane Doe, an analyst at the Baltic Institute, said Moscow had nothing "
        "to do with the attack. Mark Roe, a researcher, said Minsk had nothing to do with the attack."
    )
    (ex,) = extractor.extract([Article("nothing", text)])
    said = {s.speaker.label: (s.stance, s.claim.key) for s in ex.statements}
    assert said["Russia"] == said["Jane Doe"] == (D, said["Estonia"][1])
    assert said["Mark Roe"][0] is A and said["Mark Roe"][1] != said["Estonia"][1]


def test_one_claim_for_a_claim_and_its_denial(extractor: Extractor) -> None:
    text = "Britain says Tehran shipped missiles to the rebels. Iran denies this."
    (ex,) = extractor.extract([Article("pair", text)])
    assert len({s.claim.key for s in ex.statements}) == 1


def test_a_state_the_tagger_takes_for_a_person_is_the_gazetteer_state(extractor: Extractor) -> None:
    # en_core_web_sm tags a sentence-initial "Armenia" PERSON; a Person actor of the same key as the
    # State would give one actor two kinds, and the whole build fails validation.
    text = "Armenia denied that Yerevan has supplied North Korea with machine tools."
    (ex,) = extractor.extract([Article("state-as-person", text)])
    (statement,) = ex.statements
    assert statement.stance is Stance.DENY
    assert (statement.speaker.label, statement.speaker.kind.value) == ("Armenia", "State")


def test_same_proposition_across_articles_shares_a_claim(extractor: Extractor) -> None:
    a = Article("a", "Poland said Belarus supplied fuel to the border guards.")
    b = Article("b", "Belarus denied that it supplied fuel to the border guards.")
    exa, exb = extractor.extract([a, b])
    assert exa.statements[0].claim.key == exb.statements[0].claim.key


@pytest.mark.parametrize(
    ("accusation", "denial"),
    [
        ("Danish intelligence said Russia was behind the cyberattack on the defence ministry.",
         "The Kremlin denied carrying out the attack."),
        ("Prosecutors said the engineer spied on Germany for China.",
         "Beijing rejected claims that it had spied on Germany."),
        ("Investigators said hackers working for Iran breached the networks of a US water utility.",
         "Iran denied that it had hacked the utility."),
    ],
)
def test_an_accused_act_and_its_denial_in_other_words_share_a_claim(
    extractor: Extractor, accusation: str, denial: str
) -> None:
    (ex,) = extractor.extract([Article("story", f"{accusation} {denial}")])
    asserted, denied = ex.statements
    assert (asserted.stance, denied.stance) == (Stance.ASSERT, Stance.DENY)
    assert asserted.claim.key == denied.claim.key


def test_one_speaker_saying_again_who_does_what_makes_one_point(extractor: Extractor) -> None:
    text = (
        "\"Valdoria is building a coalition of its own,\" said Ines Morlan, a historian. \"Valdoria is "
        "building a new order against its neighbours.\" Morlan said Valdoria was a danger. \"Valdoria is "
        "a nuisance,\" she said."
    )
    (ex,) = extractor.extract([Article("again", text)])
    claims = [(s.speaker.label, s.content, s.claim.key) for s in ex.statements]
    built = [key for who, content, key in claims if who == "Ines Morlan" and "building" in content]
    assert len(built) == 2 and len(set(built)) == 1, claims
    # a copula says different things of one subject
    said = {content: key for who, content, key in claims if who == "Ines Morlan" and "build" not in content}
    assert len(said) == 2 and len(set(said.values())) == 2, claims


def test_an_act_named_with_its_target_is_one_claim_across_articles(extractor: Extractor) -> None:
    a = Article("trial", "Prosecutors said the engineer spied on Germany for China.")
    b = Article("reply", "Beijing rejected claims that it had spied on Germany.")
    exa, exb = extractor.extract([a, b])
    assert exa.statements[0].claim.key == exb.statements[0].claim.key


def test_the_attack_of_one_article_is_not_the_attack_of_another(extractor: Extractor) -> None:
    # each article's "the attack" is the event it reports; without a named target, two are two
    a = Article("port", "Estonia said Russia was behind the cyberattack on the port.")
    b = Article("ministry", "Denmark said Russia was behind the cyberattack on the defence ministry.")
    exa, exb = extractor.extract([a, b])
    assert exa.statements[0].claim.key != exb.statements[0].claim.key


def test_doing_that_stands_for_the_act_the_sentence_before_described(extractor: Extractor) -> None:
    text = (
        "Officials fear Minsk may start sending fuel to the militia. "
        "Lithuania claims that Belarus is already doing just that. Minsk rejects this."
    )
    (ex,) = extractor.extract([Article("vp", text)])
    by = {s.speaker.label: s for s in ex.statements}
    claimed, denied = by["Lithuania"], by["Belarus"]
    assert "sending fuel to the militia" in claimed.content and "doing" not in claimed.content
    assert (denied.stance, denied.claim.key) == (Stance.DENY, claimed.claim.key)


def test_doing_so_after_stopping_is_the_stopping(extractor: Extractor) -> None:
    text = "Lawmakers urged the firm to stop selling chips to Russia. The firm said it had already done so."
    (ex,) = extractor.extract([Article("phase", text)])
    (said,) = ex.statements
    assert "stop selling chips" in said.content


def test_each_item_this_included_is_a_statement_of_the_speaker_before(extractor: Extractor) -> None:
    text = (
        "The Swedish customs agency said Belarus had helped Russia import banned goods.\n"
        "This included the resale of aircraft parts, the transit of machine tools and the use of "
        "small banks.\n"
        "Belarus has rejected these allegations."
    )
    (ex,) = extractor.extract([Article("list", text)])
    listed = [s for s in ex.statements if s.cue == "included"]
    assert len(listed) == 3 and all(s.speaker.label == "Swedish customs agency" for s in listed)
    assert all(s.content.startswith("Belarus ") for s in listed)
    (denial,) = [s for s in ex.statements if s.stance is Stance.DENY]
    (main,) = [s for s in ex.statements if s.cue == "said"]
    assert denial.claim.key == main.claim.key  # "these allegations": the claim, not its last item


def test_rebuild_gives_same_keys(extractor: Extractor) -> None:
    art = Article("x", "“The shipments left the port in May,” said harbour official Maria Lopez.")
    first = [s.claim.key for s in next(extractor.extract([art])).statements]
    again = [s.claim.key for s in next(Extractor().extract([art])).statements]
    assert first == again


def test_the_default_model_is_en_core_web_sm_3_8(extractor: Extractor) -> None:
    meta = extractor.nlp.meta
    assert (meta["lang"], meta["version"]) == ("en", "3.8.0")
    assert extractor.nlp.pipe_names == [
        "tok2vec", "tagger", "semicolon_breaks", "parser", "attribute_ruler", "lemmatizer", "ner"
    ]


def test_a_denial_of_the_claims_means_the_act_its_side_is_said_to_have_done(extractor: Extractor) -> None:
    text = (
        "Latvia said the GRU had carried out the attack on the port. Latvia's foreign minister said Riga "
        "would expel two Russian diplomats. Moscow rejected the claims."
    )
    (ex,) = extractor.extract([Article("pointer", text)])
    claims = {(s.speaker.label, s.stance): s.claim.key for s in ex.statements}
    attack = next(s.claim.key for s in ex.statements if "GRU" in s.content)
    assert claims[("Russia", D)] == attack


def test_an_appeal_hung_on_what_was_said_is_not_part_of_it(extractor: Extractor) -> None:
    text = "The ministers said the interference violated aviation rules and called on Russia to stop it."
    (ex,) = extractor.extract([Article("appeal", text)])
    assert [s.content for s in ex.statements] == ["the interference violated aviation rules"]


def test_the_speakers_own_assessment_is_no_part_of_what_it_states(extractor: Extractor) -> None:
    text = (
        "Security firm Nordvakt said it assessed with moderate confidence that the breach was the work of "
        "Storm Ridge."
    )
    (ex,) = extractor.extract([Article("assessed", text)])
    assert [s.content for s in ex.statements] == ["the breach was the work of Storm Ridge"]


def test_who_said_p_takes_no_subject_from_the_relative_clause(extractor: Extractor) -> None:
    text = (
        "The allegation that the party had bankrolled the campaign was denied by its leader, Ion Rusu, who "
        "said Alianța Nouă “has never paid anyone for anything online”."
    )
    (ex,) = extractor.extract([Article("who-said", text)])
    said = [s.content for s in ex.statements if s.stance is A]
    assert len(said) == 1 and "has never paid anyone" in said[0] and "Ion Rusu" not in said[0]


def test_a_judgement_hung_on_the_complement_is_one_statement_of_the_speaker(extractor: Extractor) -> None:
    text = (
        "Belarus charged Rachel Dorsey with spying. Her editor, Marcus Fell, said Dorsey had been accredited "
        "by the Belarusian Foreign Ministry and called the charges \"a fabrication\"."
    )
    (ex,) = extractor.extract([Article("called", text)])
    denials = [(s.speaker.label, s.content) for s in ex.statements if s.stance is D]
    assert denials == [("Marcus Fell", "Rachel Dorsey spying")]


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("TALLINN, March 5 (Nordline) – Estonia said so.", "Estonia said so."),
        ("KYIV, Ukraine (AP) — Ukraine said so.", "Ukraine said so."),
        ("BERLIN, May 3 — Germany said so.", "Germany said so."),
        ("KAUNAS, Lithuania, June 2 (Baltic Wire) - Lithuania said so.", "Lithuania said so."),
        ("Washington (CNX) — A journalist was held.", "A journalist was held."),
        ("NATO - the alliance - said so.", "NATO - the alliance - said so."),  # no place, date or agency
        ("Moscow - Russia said so.", "Moscow - Russia said so."),
    ],
)
def test_a_wire_dateline_is_cut_from_the_first_paragraph(line: str, body: str) -> None:
    (para,) = body_paragraphs(line)
    assert para.text == body and line[para.start : para.end] == body


def test_which_after_a_name_makes_it_no_person(extractor: Extractor) -> None:
    # the tagger takes "Marvela" for a person's name; "which" says it is not
    text = "Marvela, which is based in Dublin, said it had removed the profile."
    (ex,) = extractor.extract([Article("which", text)])
    assert [(s.speaker.label, s.speaker.kind) for s in ex.statements] == [("Marvela", ActorKind.ORGANIZATION)]


def test_a_short_name_of_a_business_named_before_is_that_business(extractor: Extractor) -> None:
    memory = SpeakerMemory(extractor.gazetteer)
    doc = extractor.nlp(
        "Regulators accused a Geneva bank, Maison Ravel & Cie, of laundering money. "
        "Maison Ravel said it would appeal."
    )
    for sent in doc.sents:
        memory.note_businesses(sent)
    assert [org.label for org in memory.named_orgs] == ["Maison Ravel & Cie"]


def test_it_is_not_true_that_p_denies_p(extractor: Extractor) -> None:
    text = "Lindqvist said Astor had been warned. Kuiper said it was not true that Astor had been warned."
    (ex,) = extractor.extract([Article("untrue", text)])
    got = [(s.speaker.label, s.stance, s.content) for s in ex.statements]
    assert got == [("Lindqvist", A, "Astor had been warned"), ("Kuiper", D, "Astor had been warned")]
