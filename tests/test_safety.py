"""The keyword net for acute worries (bot/conversation/safety.py), pinned by data.

The tables are what a parent writes: statements and questions, typos, inflections, both
languages. `test_every_sign_is_needed` removes each sign from the net in turn and requires that
some positive below is then missed, so deleting any single keyword fails this file; the
upper-case test pins the case-insensitivity. The negatives are general information questions
that name a subject (breathing, the heel prick, ventilation) but no child in trouble.
"""
from __future__ import annotations

import re

import pytest

from bot.conversation import safety
from bot.conversation.safety import is_acute

POSITIVE_NL = [
    # breathing
    "mijn baby kan niet ademen", "hij kan bijna niet meer ademen", "ze kon nauwelijks ademhalen",
    "mijn zoon kan moeilijk ademen", "ze ademt niet meer", "hij ademt heel snel",
    "ademt ze te snel?", "onze dochter ademde heel raar vannacht en nu nog steeds",
    "hij is gestopt met ademen", "haar ademhaling stopt steeds even, nu", "ze adempt niet",
    "ik hoor hem niet meer ademen en hij beweegt niet", "zijn ademhaling gaat heel snel", "haar ademhaling is raar",
    "mijn baby krijgt bijna geen lucht", "hij krijgt geen lucht!!", "ze hapt naar lucht",
    "mijn kind is benauwd", "heeft ze het benauwd?", "hij had een ademstilstand",
    "ze heeft sinds vanmiddag moeite met ademen", "mijn zoon kreeg ineens veel moeite met ademhalen",
    "hij heeft apneus in zijn slaap", "ze heeft ademstops", "lange ademstops vannacht",
    "zijn ademhaling piept", "hij piept bij elke ademteug", "ze ademt en het rochelt", "hij reutelt",
    # colour
    "hij wordt blauw!!", "mijn baby is blauw", "ze ziet er grauw uit", "hij werd helemaal blauw",
    "mijn kindje word blauw help", "ze kleurt paars", "ze heeft blauwe lippen", "zijn lippen worden blauw", "ze kleurt blauw bij het drinken",
    "na het drinken werd hij helemaal blauw", "is ze grauw?", "hij heeft blauwige lipjes", "blauw om de mond na het voeden",
    "ze ziet blauw rond haar mond", "zijn lippen zijn blauwachtig",
    # feeding
    "ze drinkt niet meer", "hij drinkt bijna niet", "ze wil niet meer drinken",
    "hij is gestopt met drinken",
    # limp, drowsy, not responding
    "mijn baby is slap", "hij voelt zo slap", "ze heeft koorts en is suf", "hij is zo suf vandaag",
    "mijn kind reageert niet", "hij reageert nergens op", "ze is bewusteloos",
    "de hielprik was afwijkend en nu reageert ze ineens niet meer", "hij is niet wakker te krijgen", "ze wordt niet wakker",
    "ze is heel moeilijk wakker te maken", "hij wordt slecht wakker voor zijn voeding",
    # fever
    "ze heeft hoge koorts", "heeft koorts, wat moet ik doen",
    "zijn hoofdje gloeit", "ze voelt heel heet aan", "ze is 38,5 graden",
    # choking, seizures
    "mijn baby stikt", "hij verslikt zich steeds en hoest", "ze heeft een stuip",
    "hij heeft een epileptische aanval", "haar armpje schokt de hele tijd",
    "hij krampt helemaal en zijn ogen draaien weg",
    "hoe moet je een baby reanimeren?", "hoe doe ik hartmassage bij een baby", "mond-op-mondbeademing bij een zuigeling",
    # calling a doctor, when to worry
    "moet ik de huisarts bellen", "moeten we 112 bellen?", "moet ik 1733 bellen?",
    "bellen we de wachtpost", "is er een dokter van wacht?", "wanneer ga je naar de wachtdienst",
    "kan ik een spoedafspraak krijgen", "moeten we naar de huisartsenwachtpost", "bel ik de huisartsenpost?",
    "moeten we naar de spoedeisende hulp?", "wanneer moet ik me zorgen maken over zijn ademhaling",
    "ik maak me zorgen over haar ademhaling", "wanneer moet je je echt zorgen maken?",
    "is er reden tot ongerustheid?", "is een dokter nodig bij deze klachten?",
    "wanneer naar de huisarts?", "moet ik met haar naar de dokter?",
    "hoe weet je of er iets ernstigs aan de hand is", "hoe weet ik of mijn baby ziek is",
    "mijn kindje is zo ziek", "ze is doodziek", "hij wordt steeds zieker", "is ze erg ziek",
    "hij heeft verhoging en drinkt slecht", "ze heeft blafhoest", "hij heeft kroep",
    "ze hoest de hele nacht", "hij hoest heel veel", "wanneer ga je met een baby naar de huisarts",
    "wanneer moet u met uw kind naar de spoedeisende hulp", "moet ik me zorgen maken?",
    "moeten we ongerust zijn", "is het dringend", "wanneer bel je de huisarts", "belt u de dokter",
    "wanneer moet je een arts raadplegen", "moet ik contact opnemen met de huisarts",
    "hoe herken je een ziek kind", "wat zijn alarmsignalen bij een baby", "hij is niet zichzelf",
    "er is iets mis met mijn baby",
    "hoe weet ik of het ernstig genoeg is", "is dit een noodgeval?",
    # further red flags
    "hij ziet heel bleek", "ze heeft koude handen en voeten", "ze is ontroostbaar",
    "hij huilt heel hoog", "ik hoor haar niet ademen", "ze kreunt bij elke ademhaling", "zijn neusvleugels bewegen mee",
    "ze heeft intrekkingen tussen de ribben", "de fontanel is ingevallen", "hij blijft maar overgeven",
    "ze heeft droge luiers sinds vanochtend", "er zijn vlekjes die niet wegdrukken",
    "ze heeft een stijve nek", "hij is nekstijf", "zou het hersenvliesontsteking zijn", "hij heeft 40 graden", "hij beweegt bijna niet",
]
POSITIVE_EN = [
    # breathing
    "my baby can't breathe", "my baby can't breath", "my baby cant breathe",
    "she cannot breathe properly", "he can not breathe", "she couldn’t breathe for a moment",
    "we noticed he wasn't breathing", "they weren't breathing when we found them",
    "my son is having some difficulty breathing", "she has trouble breathing tonight",
    "he makes a whistling sound when he breathes", "she breathes really fast after feeds",
    "his breathing very heavily worries me", "she has laboured breathing",
    "he has sleep apnoea episodes", "there are pauses in her breathing",
    "there are pauses in my baby's breathing", "pauses in the baby’s breathing",
    "Pauses in my babys breathing at night",
    "he coughs all night", "she can't stop coughing", "he has croup", "a barking cough", "her breathing has a rattle in it", "she's wheezing",
    "baby not breathing help", "he isn't breathing", "he stopped breathing",
    "he suddenly sopped breathing", "i can't hear her breathing",
    "she's struggling to breathe", "he is having trouble breathing",
    "my baby is breathing really fast", "she keeps breathing so hard, is that normal?",
    "her breathing sounds strange", "he seems short of breath", "she is gasping",
    "he's getting no air", "she can't get any air",
    "when should I worry about her breathing?", "i'm worried about his breathing",
    "we are worried about my baby's colour", "concerned about the baby's feeding",
    # colour
    "the baby is blue", "my baby went blue", "she is turning blue", "he's turnning blue",
    "she is turning purple", "he looks a bit grey",
    "she has blue lips", "his lips are blue",
    "is she pale?", "does your baby look blue?", "is he floppy", "he is a bit bluish", "she went blue around the lips",
    # feeding
    "my baby won't drink", "she isn't feeding", "he stopped eating and sleeps all day",
    "she refuses to feed", "poor feeding since this morning", "he is feeding less than usual",
    "she's refusing her bottle", "he can't swallow his milk",
    # limp, drowsy, not responding
    "he is limp", "my son has gone floppy", "he's all flopy", "she is very drowsy", "he seems lethargic",
    "my baby is unresponsive", "now he suddenly isn't responding", "he won't respond to anything", "she's not responding to me", "he doesn't respond",
    "she is unconscious", "he passed out", "I can't wake him", "she is hard to wake",
    # fever
    "she has a fever", "he has a high temperature", "my baby is burning up",
    "her forehead is hot to the touch", "he feels really hot", "his temperature is 38.5 degrees",
    # choking, seizures
    "my baby is choking", "he choked on his milk", "she is having a seizure",
    "he is convulsing", "my daughter had a fit", "he's fitting and shaking",
    "how do you do CPR on a baby?", "infant resuscitation steps", "when to give back blows",
    # calling a doctor, when to worry
    "should I call the doctor?", "should I ring the out-of-hours GP?", "do we call 112?",
    "should I phone 111?", "do I dial 999", "how to recognise a seriously ill baby",
    "she is just not herself", "something is wrong with my baby", "when to see a doctor", "when to go to A&E with a baby",
    "when should we seek medical help", "does she need medical attention?",
    "should I take him to the hospital?", "she is seriously ill", "what are the signs of a serious illness",
    "was he sick?", "is the baby unwell?", "she has a temperature", "how urgent is this", "can we get an urgent GP appointment", "is the surgery open out of hours?",
    "should we be worried?", "should I be concerned?", "should I worry about this?", "we want to see a GP about our little baby tonight", "how do I know if she is seriously ill?",
    "how can you tell when a baby is getting worse",
    "how will I know if something is wrong?", "our son: real trouble breathing since noon", "my baby is unwell", "he seems really ill",
    "she's poorly today",
    "should I phone the huisartsenpost", "how do I know it's serious enough to call the paediatrician?",
    "should we go to A&E?", "when should we be worried?", "is this an emergency",
    "is it serious enough to see someone tonight?",
    "when should parents worry?", "he is not waking up for his feeds", "why does she breathe like this?",
    "when to see a doctor about my baby's breathing", "do I need to see a doctor?",
    "my baby has difficulty breathing", "she is finding it hard to breathe",
    # further red flags
    "she looks very pale", "his hands and feet are cold", "he has cold hands", "she is inconsolable",
    "he has a high-pitched cry", "she won't stop crying", "he is grunting", "her nostrils flare",
    "he is sucking in under his ribs", "the soft spot on her head looks sunken", "he keeps vomiting",
    "she has had dry nappies all day", "he has a rash that doesn't fade", "the spots stay under the glass test", "she has a stiff neck",
    "his temperature is 39 degrees", "she is not moving",
]
NEGATIVE_NL = [
    "waarom krijgen kinderen met smard ademhalingsproblemen", "hoe erft smard over",
    "wat is de ademhalingsspier", "wat is smard", "wat betekent de uitslag van de hielprik",
    "hoe groot is de kans op nog een kindje met smard", "wat gebeurt er zonder beademing",
    "benauwdheid bij smard, hoe komt dat", "doet de hielprik pijn",
    "hoe werkt een vruchtwaterpunctie", "wat kost pgt", "zijn wij allebei drager",
    "ik wil graag iemand spreken", "hoe lang duurt de uitslag van de vlokkentest",
    "heeft mijn kind later een beademingsapparaat nodig", "kan mijn kind met sma lopen",
    "wat is de behandeling van sma", "krijgen jullie veel vragen over erfelijkheid",
    "de spinale musculaire atrofie met ademnood", "wat is het verschil tussen smard en sma",
    "ik ben bang dat ik drager ben",
    "is smard iets ernstigs", "wanneer moeten we naar de erfelijkheidsadviseur",
    "wat moeten we de dokter vragen",
    "wat is de uitslag van de hielprik", "hoe zeker is de uitslag", "hoe ernstig is sma type 1",
    "hebben kinderen met smard moeite met ademen", "wordt ons kind later ernstig ziek",
    "is onze baby ziek", "moet ik me zorgen maken dat ik drager ben", "is de ademhaling bij smard anders",
    "wat doet de huisarts bij de uitslag", "hoe ontwikkelt een kind met sma zich",
]
NEGATIVE_EN = [
    "why do children with SMARD have breathing problems?", "why is breathing so hard with smard",
    "will my child need a breathing machine later", "what is the chance of another child",
    "does the heel prick hurt", "what happens without ventilation",
    "why are children with smard short of breath", "what is a breathing muscle",
    "how is smard inherited", "what does a positive heel prick mean", "what is PGT",
    "can I speak to a counsellor", "how long does the test take",
    "we have to go to the hospital tomorrow because of an abnormal sma screening",
    "is sma treatable", "what are the options for a next pregnancy", "thank you",
    "is ivf covered by insurance", "what are the symptoms of smard", "who made this chatbot",
    "what does the diaphragm do",
    "SMARD causes difficulty breathing", "when should we do the heel prick",
    "do we need to see a genetic counsellor", "what should we ask the doctor",
    "does SMARD cause vomiting?", "what is the heel prick result", "how severe is sma type 1",
    "why do babies with SMARD need breathing support?", "should I worry about being a carrier",
    "what are the early warning signs of SMA", "is it urgent to decide about PGT soon", "is SMA worse than SMARD?",
    "does the heel prick test hurt a baby", "can a baby with smard swallow normally?",
    "should we have more children", "how do I know if I am a carrier",
]


@pytest.mark.parametrize("text", POSITIVE_NL + POSITIVE_EN)
def test_acute(text: str) -> None:
    assert is_acute(text)


@pytest.mark.parametrize("text", POSITIVE_NL + POSITIVE_EN)
def test_acute_whatever_the_case(text: str) -> None:
    # Parents type in capitals when they panic; a net that loses re.IGNORECASE fails here.
    assert is_acute(text.upper())
    assert is_acute(text.capitalize())


@pytest.mark.parametrize("text", NEGATIVE_NL + NEGATIVE_EN)
def test_not_acute(text: str) -> None:
    assert not is_acute(text)


def test_signs_in_both_languages() -> None:
    assert set(safety.SIGNS) == {"nl", "en"}


def test_tables_are_large_enough() -> None:
    assert len(POSITIVE_NL) >= 30 and len(POSITIVE_EN) >= 30
    assert len(NEGATIVE_NL) >= 20 and len(NEGATIVE_EN) >= 20


def test_empty_and_none_are_not_acute() -> None:
    assert not is_acute("")
    assert not is_acute(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang, index", [(lang, i) for lang in safety.SIGNS
                                         for i in range(len(safety.SIGNS[lang]))])
def test_every_sign_is_needed(lang: str, index: int) -> None:
    """Deleting any one sign from the net must make a positive above go unnoticed."""
    rest = [p for lg in safety.SIGNS for i, p in enumerate(safety.SIGNS[lg])
            if (lg, i) != (lang, index)]
    without = re.compile("|".join(f"(?:{p})" for p in rest), re.IGNORECASE)
    table = POSITIVE_NL if lang == "nl" else POSITIVE_EN
    missed = [t for t in table if not without.search(t)]
    assert missed, f"no positive needs sign {safety.SIGNS[lang][index]!r}: add one to the table"
