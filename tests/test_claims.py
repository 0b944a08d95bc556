"""Claim identity on propositions written for these tests (no model needed)."""

from __future__ import annotations

import pytest

from kg.extract.claims import SAME_EVENT, ClaimIndex, Reading, frame, similarity
from kg.extract.gazetteer import Gazetteer


@pytest.fixture()
def index() -> ClaimIndex:
    return ClaimIndex(Gazetteer.load())


def _same(index: ClaimIndex, a: str, b: str) -> bool:
    return index.resolve(a)[0] == index.resolve(b)[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Iran supplied drones to Russia", "Tehran has delivered military equipment to Moscow"),
        (
            "Belarus provided Russia with munitions",
            "Belarus shipped weapons to Moscow",
        ),
        ("Iran sent drones to Russia", "Iran sent weapons to Russia"),  # weapons in general meets drones
        ("China gives economic support to Russia", "Beijing sends money to the Kremlin"),
        ("China supplies chips to Russia", "Chinese dual-use technology is delivered to Russia"),
        ("Iran denied arming Moscow", "Tehran delivered ballistic missiles to Russia"),
        # a name before the thing names the thing, not whom it went to
        ("Iran supplied Shahed drones to Russia", "Tehran sent drones to Moscow"),
        ("North Korea shipped KN-23 missiles to Russia", "Pyongyang delivered missiles to Moscow"),
        ("Iran sent Russia drones", "Iran shipped drones to Moscow"),
        # the head of a compound names the kind of thing: weapons components are technology
        ("China provides Russia with weapons components", "China supplied dual-use technology to Russia"),
        # reported speech shifts "will" to "would": that is no condition on the act
        ("Iran will ship drones to Russia", "Iran would be shipping drones to Russia"),
        # where a thing comes from supplies it to whoever uses it
        ("Most of the drones used by the Russian army come from Iran", "Iran sent drones to Russia"),
        ("Half of the chips came from China", "China supplied chips to Russia"),
    ],
)
def test_one_transfer_told_two_ways_is_one_claim(index: ClaimIndex, a: str, b: str) -> None:
    assert _same(index, a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Iran supplied drones to Russia", "Iran supplied drones to Venezuela"),  # another recipient
        ("Iran supplied drones to Russia", "Belarus supplied drones to Russia"),  # another supplier
        ("Iran supplied drones to Russia", "Iran supplied oil to Russia"),  # another kind of thing
        ("Iran supplied drones to Russia", "Iran shipped ballistic missiles to Russia"),  # another weapon
        ("Iran supplied drones to Russia", "Iran is considering supplying drones to Russia"),  # modality
        ("Iran supplied drones to Russia", "Iran has not supplied drones to Russia"),  # negation
        ("Iran supplied drones to Russia", "Iran supplied drone components to Russia"),  # parts, not arms
        ("Iran is arming Russia", "Russia's armed forces shelled Iran"),  # "armed" is no transfer
        ("Most of the drones used by the Russian army come from Iran", "Iran sent drones to Venezuela"),
        ("Most of the drones come from Turkey", "Iran sent drones to Russia"),
        ("The threat comes from Iran", "Iran poses a threat to Russia"),  # a threat is not supplied
    ],
)
def test_a_different_transfer_is_a_different_claim(index: ClaimIndex, a: str, b: str) -> None:
    assert not _same(index, a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russia was behind the cyberattack on the Danish ministry", "Moscow carried out the attack"),
        ("hackers working for Iran breached the networks of the Israeli water utility",
         "Tehran hacked Israel's water systems"),
        ("China spied on the United States with a balloon", "Beijing was spying on Washington"),
        ("the company's engineers spied on the US",
         "the company engaged in espionage against the United States"),
        ("an engineer spied on Germany for China", "China spied on Germany"),  # for whom it was done
        ("Norway was attacked by hackers working for Russia", "Russia attacked Norway"),  # passive
        ("Germany was spied on by China", "Beijing spied on Berlin"),
    ],
)
def test_one_attack_or_spying_told_two_ways_is_one_claim(index: ClaimIndex, a: str, b: str) -> None:
    assert _same(index, a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russia was behind the cyberattack on Denmark", "Russia was behind the cyberattack on Norway"),
        ("Russia was behind the cyberattack on Denmark", "China was behind the cyberattack on Denmark"),
        ("Russia attacked Ukraine's power grid", "Russia spied on Ukraine's power grid"),
        ("Iran hacked Israel's water systems", "Iran did not hack Israel's water systems"),
        # the one attacked is not the attacker
        ("China is one of the greatest victims of cyberattacks", "China carried out cyberattacks"),
        ("Norway was hit by a cyberattack", "Norway carried out a cyberattack"),
        ("Norway was attacked by hackers working for Russia", "Norway attacked Russia"),
    ],
)
def test_another_attacker_target_act_or_negation_is_another_claim(index: ClaimIndex, a: str, b: str) -> None:
    assert not _same(index, a, b)


def test_a_paraphrase_without_a_target_does_not_widen_its_claim_to_every_target(index: ClaimIndex) -> None:
    denmark = index.resolve("Russia was behind the cyberattack on the Danish ministry")[0]
    assert index.resolve("Moscow denied carrying out the attack")[0] == denmark
    assert index.resolve("Russia attacked Ukraine")[0] != denmark


def test_a_transfer_is_one_claim_in_every_article(index: ClaimIndex) -> None:
    # supplying is a standing relation: no article needs to say to whom for it to be the same
    first = index.resolve("Iran supplied drones", "one")[0]
    assert index.resolve("Tehran has shipped military equipment", "two")[0] == first


def test_an_attack_without_a_target_is_one_event_only_within_its_article(index: ClaimIndex) -> None:
    port = "Russia's intelligence agency carried out the cyberattack that paralysed the port"
    port = index.resolve(port, "one")[0]
    assert index.resolve("Moscow denied carrying out the attack", "one")[0] == port
    election = "Russia's intelligence agency breached the email systems of the election commission"
    assert index.resolve(election, "two")[0] != port


def test_words_that_name_no_one_are_one_claim_only_within_their_article(index: ClaimIndex) -> None:
    # whose wrongdoing, which pattern: the article says, and another article means another
    pattern = index.resolve("the pattern is very hard to explain any other way", "one")[0]
    assert index.resolve("that pattern is very hard to explain another way", "one")[0] == pattern
    assert index.resolve("the pattern is very hard to explain any other way", "two")[0] != pattern
    # a proposition about someone is that one's in any article
    lied = index.resolve("Moscow lied about the tanker's cargo and its route", "one")[0]
    assert index.resolve("Russia lied about the cargo and route of the tanker", "two")[0] == lied


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Iran has sent weapons to any party in Sudan", "sudan"),
        ("Iran sent drones to a militia in Yemen", "yemen"),
        ("Iran sent drones to Russia for use in Ukraine", "russia"),
        ("Iran sent drones for use in Ukraine", None),  # where a thing is used is not who has it
        ("Iran sent drones for potential use in Ukraine", None),
    ],
)
def test_a_party_in_a_country_receives_there(index: ClaimIndex, text: str, recipient: str | None) -> None:
    found = frame(index.stream(text))
    assert found is not None and found.recipient == recipient


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Russia was behind the cyberattack on Denmark", "Moscow hacked Denmark"),  # the target says which
        (
            "Russia carries out cyberattacks against other states",
            "Russia does carry out cyberattacks against other states",
        ),
    ],
)
def test_an_attack_told_alike_in_two_articles_is_one_claim(index: ClaimIndex, a: str, b: str) -> None:
    assert index.resolve(a, "one")[0] == index.resolve(b, "two")[0]


def test_paraphrase_by_shared_words(index: ClaimIndex) -> None:
    assert _same(
        index,
        "the pipeline talks have stalled over the gas price",
        "talks on the pipeline stalled over the price of gas",
    )


def test_a_company_name_is_no_content_word_even_at_the_start_or_in_common_words(index: ClaimIndex) -> None:
    # "Trade" is also a word of the economy, and the first word of a sentence is capitalised anyway:
    # within a run of capitalised words both are part of the name, which two acts do not share as words
    assert not _same(
        index, "Velmar Agri Trade bought some potash from the producer",
        "Velmar Agri Trade relabelled it as being of Uzbek origin",
    )
    assert _same(
        index, "Velmar Agri Trade relabelled the potash as Uzbek potash",
        "Velmar Agri Trade had relabelled Belarusian potash as Uzbek",
    )


def test_two_claims_about_the_same_countries_are_not_one(index: ClaimIndex) -> None:
    assert not _same(
        index, "Russia and China held talks in Moscow", "China is worried about Russia's economy"
    )


def test_a_shared_stock_phrase_is_not_a_shared_claim(index: ClaimIndex) -> None:
    # prepositions are function words: "between the two countries" is all these share
    assert not _same(
        index, "the dispute is a matter between the two countries",
        "such tariffs would damage the trust between the two countries",
    )


def test_the_same_words_about_another_subject_are_another_claim(index: ClaimIndex) -> None:
    assert not _same(
        index, "Armenia has become a hub for smuggling chips to Russia",
        "the free zone in Georgia has become the main hub for smuggling chips",
    )


def test_the_same_words_with_the_roles_swapped_are_two_claims_with_two_keys(index: ClaimIndex) -> None:
    first = index.resolve("Iran funded the militia of Russia")
    second = index.resolve("Russia funded the militia of Iran")
    assert first[0] != second[0]


def test_a_person_and_their_state_lead_a_claim_alike(index: ClaimIndex) -> None:
    # "Putin" and "the Russian leader" are one side: the overlap of their words decides
    assert _same(
        index, "Putin wants a signed agreement on the Arctic gas pipeline",
        "the Russian leader wants a signed agreement on the Arctic gas pipeline this week",
    )


def test_other_is_no_content_word(index: ClaimIndex) -> None:
    assert not _same(
        index, "Russia carries out cyberattacks against other states",
        "Russia interferes in the affairs of other states",
    )


@pytest.mark.parametrize("a", ["Shahed-136", "Nord Stream-2 pipeline"])
def test_a_hyphen_before_a_number_is_a_space(index: ClaimIndex, a: str) -> None:
    assert index.stream(a) == index.stream(a.replace("-", " ")), index.stream(a)


def test_keys_are_a_function_of_the_input(index: ClaimIndex) -> None:
    texts = ["Iran supplied drones to Russia", "the port was closed", "Tehran sent weapons to Moscow"]
    first = [index.resolve(t)[0] for t in texts]
    again = ClaimIndex(Gazetteer.load())
    assert [again.resolve(t)[0] for t in texts] == first


def test_known_claims_are_matched(index: ClaimIndex) -> None:
    index.add_known("k1", "North Korea sent artillery shells to Russia")
    assert index.resolve("Pyongyang has shipped munitions to Moscow") == (
        "k1",
        "North Korea sent artillery shells to Russia",
    )


def _scan(
    index: ClaimIndex, entries: list[tuple[str, Reading, bool, str]], text: str, source: str
) -> str | None:
    """The rule the index implements, as a plain scan of every earlier reading in order: the first
    agreeing frame (of a claim's first reading, or of a paraphrase that names whom the act is
    aimed at; across articles only frames that say which act they are), else the best word overlap
    over the threshold (earliest on ties) among readings led by the same side, where two acts from
    two articles need the overlap of one event."""
    reading = index.read(text)

    def by_frames(known: Reading, where: str) -> bool:
        if reading.frame is None or known.frame is None:
            return False
        return where == source or (reading.frame.pinned() and known.frame.pinned())

    best, best_score = None, 0.0
    for key, known, founding, where in entries:
        if not by_frames(known, where):
            continue
        assert reading.frame is not None and known.frame is not None
        if (founding or known.frame.recipient is not None) and reading.frame.same(known.frame):
            return key
    for key, known, _, where in entries:
        two_acts = reading.frame is not None and known.frame is not None
        if by_frames(known, where):
            continue
        if reading.lead and known.lead and reading.lead != known.lead:
            continue
        score = similarity(reading.words, known.words)
        if two_acts and score < SAME_EVENT:
            continue
        if score > best_score:
            best, best_score = key, score
    return best if best_score >= index.threshold else None


def test_the_inverted_index_answers_as_a_scan_of_every_reading_would() -> None:
    # Propositions recombined from a few actors, verbs and things, so that many share words,
    # frames and near-ties; each is resolved by the index and by the scan over the same history.
    import itertools
    import random

    actors = ["Iran", "Russia", "China", "North Korea", "Belarus", "the company", "Hezbollah"]
    verbs = ["supplied", "never sold", "may ship", "hacked", "spied on", "attacked", "funded", "trained"]
    things = ["drones", "chips", "dual-use technology", "the grid", "fighters", "oil revenue", ""]
    tails = ["", "last year", "through front companies", "in violation of sanctions"]
    texts = [" ".join(w for w in (a, v, t, "to" if t else "", r, tail) if w)
             for a, v, t, r, tail in itertools.product(actors, verbs, things, actors[:3], tails)]
    random.Random(7).shuffle(texts)
    index = ClaimIndex(Gazetteer.load())
    entries: list[tuple[str, Reading, bool, str]] = []
    merged = 0
    sources = random.Random(11).choices("abc", k=600)  # three articles, so both rules for acts run
    for text, source in zip(texts[:600], sources, strict=True):
        expected = _scan(index, entries, text, source)
        key, _ = index.resolve(text, source)
        if expected is not None:
            merged += 1
            assert key == expected, text
        else:
            assert key not in {k for k, _, _, _ in entries}, text
        entries.append((key, index.read(text), expected is None, source))
    assert 50 < merged < 590  # the corpus exercises both outcomes
