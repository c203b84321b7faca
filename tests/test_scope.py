"""The subject-matter gate and the subject of each topic (bot/conversation/scope.py), pinned by data.

The tables hold every word of the vocabulary as a parent would type it, so removing or
changing any alternative of a pattern fails a test; the thresholds are pinned at their edges.
"""
from __future__ import annotations

import pytest

from bot.conversation import scope

# Each topic's subject words: every one must be recognised for its topic.
SUBJECT_WORDS = {
    'ask_what_is': ['smard', 'sma', 'spinal', 'spinale', 'spieratrofie', 'musculaire', 'muscular', 'ighmbp2'],
    'ask_how_common': ['vaak', 'often', 'common', 'rare', 'zeldza', 'how many', 'hoeveel', 'frequen', 'prevalen', 'incidenc'],
    'ask_symptoms': ['symptom', 'signs', 'verschijnsel', 'klacht', 'kenmerk', 'merk je', 'notice'],
    'ask_types': ['type', 'vorm', 'form', 'soort', 'kind of', 'kinds', 'variant'],
    'ask_cause': ['cause', 'oorzaak', 'gen', 'genes', 'ontstaa', 'waardoor', 'komt door', 'goes wrong', 'gaat  mis', 'genetic change', 'mutati', 'verander'],
    'ask_treatment': ['treat', 'behandleing', 'cure', 'genez', 'therap', 'medic', 'medicijn', 'drugs', 'pill'],
    'ask_inheritance': ['erf', 'inherit', 'hereditar', 'genetic', 'genetisch', 'doorgeven', 'doorgegeven', 'passed on', 'pass it  on', 'recessie', 'recessive', 'from the parents', 'van de ouders', 'gets it', 'krijgt het'],
    'ask_carrier': ['drager', 'carrier'],
    'ask_chance': ['kans', 'chance', 'risk', 'risico', 'odds', 'percent', 'procent', '25', '1 op 4', '1 in 4', 'likel', 'waarschijnlijk'],
    'ask_more_info': ['informatie', 'information', 'website', 'lezen', 'read', 'meer weten', 'more about', 'info', 'sites'],
    'ask_name_meaning': ['naam', 'names', 'betekent', 'betekenis', 'means', 'meaning', 'stand for', 'staat voor', 'afkorting', 'abbreviat', 'letters'],
    'ask_breathing': ['adem', 'breath', 'diafragma', 'diaphragm', 'middenrif', 'beadem', 'ventilat', 'lucht', 'air', 'long'],
    'ask_autonomic': ['hart', 'heart', 'obstipatie', 'constipat', 'verstop', 'poep', 'stool', 'zweet', 'zweten', 'sweat', 'pijn', 'pain', 'autonom'],
    'ask_development': ['ontwikkel', 'develop', 'intellig', 'verstand', 'leren', 'learn', 'school', 'slim', 'clever', 'smart', 'brain', 'hersen', 'denken', 'think'],
    'ask_atypical': ['atypi', 'mild', 'later', 'older', 'ouder'],
    'ask_options': ['mogelijkhed', 'optie', 'option', 'kinderwens', 'another child', 'nog een kind', 'zwanger', 'pregnan', 'choice', 'keuze', 'kiezen', 'prevent', 'voorkom', 'next child', 'volgend'],
    'ask_no_testing': ['zonder onderzoek', 'without any test', 'geen onderzoek', 'no test', 'naturally', 'natuurlijk', 'gewoon zwanger', 'just get pregnant', 'risk it', 'take the chance'],
    'ask_prenatal': ['prenata', 'vlokken', 'vruchtwater', 'amnio', 'cvs', 'chorion', 'punctie', 'tijdens de zwangerschap', 'during the pregnancy', 'miskraam', 'miscarr', 'in pregnancy'],
    'ask_pgt': ['pgt', 'pgd', 'embryo', 'ivf', 'preimplant', 'pre-implant', 'reageerbuis'],
    'ask_donation': ['donor', 'donat', 'eicel', 'sperm', 'zaad', 'eggs'],
    'ask_adoption': ['adopt'],
    'ask_no_children': ['geen meer kinderen', 'no more children', 'afzien', 'stop having', 'niet nog meer', 'stoppen met', 'no more'],
    'sma_positive_screening': ['hielprik', 'heel', 'screen', 'positie', 'positive', 'afwijk', 'abnormal', 'uitslag', 'result', 'gebeld', 'called', 'phoned'],
    'ask_smn2': ['smn2', 'smn 2', 'kopie', 'copy'],
    'ask_why_screening': ['hielprik', 'heel', 'screen', 'pasgebor', 'newborn', 'new-born', 'bloodspot', 'blood spot'],
    'ask_next_steps': ['hielprik', 'heel', 'screen', 'next', 'daarna', 'nu', 'now', 'bevestig', 'confirm', 'vervolg', 'what happens', 'wat gebeurt', 'stappen', 'steps', 'after', 'na de', 'na een', 'tests', 'testen', 'wait', 'wachten'],
    'ask_four_copies': ['4', 'four', 'vier', 'afwacht', 'wait', '4\\', 'meer kopie', 'more cop'],
    'ask_followup': ['follow', 'controle', 'check', 'team', 'multidisciplin', 'gevolgd', 'lange termijn', 'long term', 'monitor'],
    'ask_biomarkers': ['biomark', 'neurofilament', 'meting', 'measure', 'bloedwaarde', 'marker'],
    'ask_family_support': ['steun', 'support', 'hulp', 'help', 'communicat', 'gezin', 'famil', 'begeleid', 'guidance'],
    'ask_data_sharing': ['data', 'gegevens', 'registr', 'delen', 'shar', 'databa'],
    'ask_workshop': ['workshop', 'enmc', 'rapport', 'report', 'expert', 'meeting', 'bijeenkomst'],
    'ask_doctor_questions': ['vragen', 'questions', 'ask', 'arts', 'doctor', 'vraag', 'specialist', 'neuroloog', 'neurolog'],
    'ask_comparison': ['vergelijk', 'compar', 'naast elkaar', 'side by side', 'verschil', 'differen', 'tabel', 'table', 'voor- en nadelen', 'pros', 'overzicht', 'overview', 'all the options', 'alle mogelijkheden'],
}
# Every word of the subject matter as a whole.
DOMAIN_WORDS = ['smard', 'sma', 'ighmbp2', 'smn', 'spier', 'muscle', 'muscular', 'zenuw', 'nerve', 'neuron', 'motor', 'ruggenmerg', 'spinal', 'adem', 'breath', 'respirat', 'diafragma', 'diaphragm', 'middenrif', 'beadem', 'ventilat', 'erfelijk', 'hereditar', 'inherit', 'erf', 'overerv', 'doorgeven', 'doorgegeven', 'passed on', 'pass it on', 'drager', 'carrier', 'gen', 'genen', 'genes', 'genetic', 'genetisch', 'dna', 'recessie', 'recessive', 'autosom', 'kans', 'chance', 'risk', 'risico', 'odds', 'pgt', 'ivf', 'embryo', 'vlokken', 'chorion', 'vruchtwater', 'amnio', 'prenata', 'miskraam', 'miscarr', 'hielprik', 'heel prick', 'screening', 'kopie', 'copy', 'behandel', 'treat', 'therap', 'medicijn', 'medicine', 'drugs', 'genez', 'cure', 'symptom', 'verschijnsel', 'klacht', 'adopt', 'donor', 'donati', 'eicel', 'sperm', 'egg', 'kinderwens', 'nog een kind', 'another child', 'volgende kind', 'next child', 'atypi', 'klassie', 'classic', 'ontwikkel', 'develop', 'intelli', 'verstand', 'hartritme', 'heart rhythm', 'obstipatie', 'constipat', 'zweet', 'zweten', 'sweat', 'pijngevoel', 'pain', 'biomarker', 'neurofilament', 'follow up', 'multidisciplin', 'workshop', 'enmc', 'rapport', 'report', 'dataset', 'registr', 'wait and see', 'afwacht', 'vorm', 'types', 'forms', 'diagnos', 'uitslag', 'result', 'erven', 'ervt', 'have it', 'get it', 'inherit it', 'pass on it', 'het ook krijgen', 'dit ook hebben', 'afkorting', 'abbreviat', 'betekent', 'stands for', 'zeldzaam', 'rare', 'common', 'vaak']


@pytest.mark.parametrize("intent, word", [(i, w) for i, ws in SUBJECT_WORDS.items() for w in ws])
def test_each_subject_word_names_its_topic(intent: str, word: str) -> None:
    assert scope.names_subject(intent, f"vraag: {word}?")
    assert scope.names_subject(intent, word.upper())  # case does not matter


def test_the_subject_table_covers_every_topic() -> None:
    assert set(SUBJECT_WORDS) == set(scope._SUBJECTS)


@pytest.mark.parametrize("intent", sorted(SUBJECT_WORDS))
def test_a_message_without_its_words_does_not_name_the_topic(intent: str) -> None:
    assert not scope.names_subject(intent, "kunt u mij daar iets over vertellen?")
    assert not scope.names_subject(intent, "")


def test_a_topic_without_subject_words_counts_as_named() -> None:
    assert scope.names_subject("greet", "hallo")


@pytest.mark.parametrize("word", DOMAIN_WORDS)
def test_each_domain_word_is_the_subject_matter(word: str) -> None:
    assert scope.mentions_domain(f"vraag over {word}")
    assert scope.mentions_domain(word.upper())


@pytest.mark.parametrize("text", ["what are the visiting hours on the ward?", "wat wordt het weer morgen",
                                  "", "hoe laat gaat de kantine open"])
def test_other_subjects_are_not_the_subject_matter(text: str) -> None:
    assert not scope.mentions_domain(text)


def test_medical_answers_need_a_confident_classification_or_a_domain_word() -> None:
    off = "what are the visiting hours on the ward?"
    assert scope.may_serve_medical(off, True, 0.0)  # a button press
    assert scope.may_serve_medical(off, False, scope.CONFIDENT)
    assert not scope.may_serve_medical(off, False, scope.CONFIDENT - 0.001)
    assert scope.may_serve_medical("is het erfelijk", False, 0.0)
    assert scope.CONFIDENT == 0.7


def test_sure_of_the_topic_needs_its_subject_or_certainty() -> None:
    text = "wat kunnen we verwachten"
    assert scope.sure_of_topic("ask_pgt", text, True, 0.0)
    assert scope.sure_of_topic("ask_pgt", text, False, scope.SURE)
    assert not scope.sure_of_topic("ask_pgt", text, False, scope.SURE - 0.001)
    assert scope.sure_of_topic("ask_pgt", "wat is pgt", False, 0.0)
    assert scope.SURE == 0.95


@pytest.mark.parametrize("text, intent", [
    ("hoeveel smn2 kopieën", "ask_smn2"), ("wat kost pgt", "ask_pgt"),
    ("doet een vlokkentest pijn", "ask_prenatal"), ("kosten van een eiceldonor", "ask_donation"),
    ("adoptie kosten", "ask_adoption"), ("doet de hielprik pijn", "sma_positive_screening"),
    ("biomarkers prijs", "ask_biomarkers"), ("follow-up kosten", "ask_followup"),
    ("beademing thuis kosten", "ask_breathing"), ("behandeling kosten", "ask_treatment"),
    ("drager kosten", "ask_carrier"), ("erfelijk kosten", "ask_inheritance"),
    ("pgt en een vlokkentest", "ask_pgt"),  # the most specific subject first
    ("what does it cost", None), ("", None),
])
def test_the_specific_subject_a_message_names(text: str, intent: str) -> None:
    assert scope.subject_named(text) == intent

