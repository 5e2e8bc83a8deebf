"""The built-in screen on the team's own examples (not the corpus): what it finds, what it leaves,
and how it explains itself. The corpus figures live in test_evaluate_screening.py."""

import pytest

from moderation.screening import screen

EXAMPLES = [
    ("crisis", "en", "I wish I could just disappear and never come back"),
    ("crisis", "en", "honestly I don't want to be here anymore"),
    ("crisis", "en", "so tired of being alive every single day"),
    ("crisis", "en", "what's even the point of living like this"),
    ("crisis", "en", "I just want it all to stop, permanently"),
    ("crisis", "en", "I want to go to sleep and not wake up"),
    ("crisis", "en", "I'd be better off dead, everyone knows it"),
    ("crisis", "en", "I'm done with life. Completely done."),
    ("crisis", "en", "I've been stockpiling my meds for weeks"),
    ("crisis", "en", "bought a rope today, it's in the car"),
    ("crisis", "en", "I know exactly how I'd do it"),
    ("crisis", "en", "been cutting again, can't stop"),
    ("crisis", "en", "burned myself with a lighter last night"),
    ("crisis", "en", "I relapsed and cut my arms tonight"),
    ("crisis", "en", "everyone would be happier if I wasn't around"),
    ("crisis", "en", "I'm just a burden to my family"),
    ("crisis", "en", "I'm going to end it tonight"),
    ("crisis", "en", "the voices keep telling me to jump"),
    ("crisis", "en", "i wanna d1e so bad"),
    ("crisis", "en", "I want to kms fr"),
    ("crisis", "en", "thinking about unaliving myself again"),
    ("crisis", "en", "I don't see any way out except dying"),
    ("crisis", "en", "I'm saying goodbye to everyone here, thanks for everything"),
    ("crisis", "en", "sucide is all i think about lately"),
    ("crisis", "nb", "jeg vil bare forsvinne for godt"),
    ("crisis", "nb", "vil ikke være her lenger"),
    ("crisis", "nb", "er så lei av å leve"),
    ("crisis", "nb", "hva er vitsen med å leve sånn her"),
    ("crisis", "nb", "vil bare at alt skal ta slutt"),
    ("crisis", "nb", "ønsker å sovne og aldri våkne"),
    ("crisis", "nb", "det hadde vært bedre om jeg var død"),
    ("crisis", "nb", "er ferdig med livet"),
    ("crisis", "nb", "har kjøpt tau"),
    ("crisis", "nb", "jeg vet hvordan jeg skal gjøre det"),
    ("crisis", "nb", "har kuttet meg igjen i kveld"),
    ("crisis", "nb", "brente meg med lighter i natt"),
    ("crisis", "nb", "alle hadde hatt det bedre uten meg"),
    ("crisis", "nb", "jeg er bare en byrde for familien"),
    ("crisis", "nb", "jeg skal ta livet mitt i kveld"),
    ("crisis", "nb", "stemmene sier at jeg skal hoppe"),
    ("crisis", "nb", "eg vil ikkje leve meir"),
    ("crisis", "nb", "æ orke itj mer, vil dø"),
    ("crisis", "nb", "tenker på selvmord hele tida"),
    ("crisis", "nb", "har spart opp sovepiller"),
    ("ok", "en", "This heat is killing me, can't wait for autumn"),
    ("ok", "en", "I died laughing at that video"),
    ("ok", "en", "My grandad died last year and I still miss him"),
    ("ok", "en", "Does anyone know a good helpline number to put in my crisis plan?"),
    ("ok", "en", "Suicide rates among young men are worrying, says new report"),
    ("ok", "en", "Two years ago I wanted to die. Today I'm doing much better."),
    ("ok", "en", "My doctor and I decided to lower my dose slowly"),
    ("ok", "en", "If you're having thoughts of suicide please call 113"),
    ("ok", "en", "I'd never hurt myself, I just feel tired"),
    ("ok", "en", "Killing it at the gym today!"),
    ("ok", "en", "That exam was murder"),
    ("ok", "en", "The character dies at the end of the book, so sad"),
    ("ok", "en", "I'm dead tired after work"),
    ("ok", "en", "Feeling low today but I'm going for a walk"),
    ("ok", "nb", "jeg ler meg i hjel av denne serien"),
    ("ok", "nb", "Bestefar døde i fjor, savner ham"),
    ("ok", "nb", "Hvor finner jeg kriseplanen min?"),
    ("ok", "nb", "Ny rapport om selvmord blant unge menn"),
    ("ok", "nb", "For to år siden ville jeg dø. I dag har jeg det mye bedre."),
    ("ok", "nb", "Legen og jeg har avtalt å trappe ned medisinen"),
    ("ok", "nb", "Hvis du har selvmordstanker, ring 113"),
    ("ok", "nb", "Jeg kunne aldri skadet meg selv"),
    ("ok", "nb", "Eksamen tok knekken på meg"),
    ("ok", "nb", "er dødstrøtt etter jobb"),
    ("ok", "nb", "Føler meg litt nedfor i dag, men går en tur"),
    ("hostile", "en", "stop being such a drama queen"),
    ("hostile", "en", "nobody cares about your problems"),
    ("hostile", "en", "you're pathetic, honestly"),
    ("hostile", "en", "just leave the forum already"),
    ("hostile", "en", "man up and deal with it"),
    ("hostile", "nb", "slutt å være så dramatisk"),
    ("hostile", "nb", "ingen bryr seg om problemene dine"),
    ("hostile", "nb", "du er så patetisk"),
    ("hostile", "nb", "bare forlat forumet"),
    ("hostile", "nb", "ta deg sammen"),
    ("misinformation", "en", "just stop taking your antidepressants, you don't need them"),
    ("misinformation", "en", "double your dose if it's not working"),
    ("misinformation", "en", "you can drink on lithium, it's fine"),
    ("misinformation", "en", "try fish oil instead of your meds"),
    ("misinformation", "nb", "bare slutt med medisinene dine"),
    ("misinformation", "nb", "doble dosen hvis den ikke virker"),
    ("misinformation", "nb", "du kan fint drikke alkohol på litium"),
    ("misinformation", "nb", "prøv fiskeolje i stedet for medisiner"),
    ("hostile", "en", "you're such an attention seeker, it's embarrassing"),
    ("hostile", "en", "get over yourself, everyone has bad days"),
    ("hostile", "en", "lol nobody asked for your life story"),
    ("hostile", "en", "you're a waste of space"),
    ("hostile", "en", "why don't you just go away, no one wants you here"),
    ("hostile", "en", "you're making it all up for attention"),
    ("hostile", "en", "depression isn't real, you're just lazy"),
    ("hostile", "en", "shut up already, we're sick of hearing it"),
    ("hostile", "en", "what a loser lmao"),
    ("hostile", "en", "just do it then, stop whining about it"),
    ("hostile", "en", "stop crying and grow a pair"),
    ("hostile", "en", "you are the most annoying person on this forum"),
    ("hostile", "nb", "du er bare ute etter oppmerksomhet"),
    ("hostile", "nb", "kom deg over det, alle har dårlige dager"),
    ("hostile", "nb", "ingen spurte om livshistorien din"),
    ("hostile", "nb", "du er sløsing med plass"),
    ("hostile", "nb", "hvorfor drar du ikke bare, ingen vil ha deg her"),
    ("hostile", "nb", "du finner på alt dette for oppmerksomhet"),
    ("hostile", "nb", "depresjon finnes ikke, du er bare lat"),
    ("hostile", "nb", "hold kjeft, vi er lei av å høre på deg"),
    ("hostile", "nb", "for en taper"),
    ("hostile", "nb", "gjør det da, slutt å syte"),
    ("hostile", "nb", "slutt å grine og skjerp deg"),
    ("hostile", "nb", "du er den mest irriterende personen på forumet"),
    ("misinformation", "en", "antidepressants are poison, throw them in the bin"),
    ("misinformation", "en", "you should quit lithium cold turkey, I did"),
    ("misinformation", "en", "take an extra pill whenever you feel anxious"),
    ("misinformation", "en", "mixing your meds with a few beers is totally fine"),
    ("misinformation", "en", "cbd oil works better than any antipsychotic"),
    ("misinformation", "en", "forget the meds, just exercise and eat clean"),
    ("misinformation", "en", "you don't need medication, you need god"),
    ("misinformation", "en", "up your dose yourself, doctors are too cautious"),
    ("misinformation", "nb", "antidepressiva er gift, kast dem"),
    ("misinformation", "nb", "du burde slutte med litium tvert, det gjorde jeg"),
    ("misinformation", "nb", "ta en ekstra pille når du blir urolig"),
    ("misinformation", "nb", "det går helt fint å blande medisinene med noen øl"),
    ("misinformation", "nb", "cbd virker bedre enn antipsykotika"),
    ("misinformation", "nb", "glem medisinene, bare tren og spis sunt"),
    ("misinformation", "nb", "du trenger ikke medisiner, du trenger Gud"),
    ("misinformation", "nb", "øk dosen selv, legene er altfor forsiktige"),
    ("ok", "en", "I'm such an idiot, forgot my keys again"),
    ("ok", "en", "My mum used to tell me to man up, it really hurt"),
    ("ok", "en", "Please don't stop your meds without talking to your doctor"),
    ("ok", "en", "I take my lithium every evening with dinner"),
    ("ok", "en", "My psychiatrist and I agreed to try a lower dose"),
    ("ok", "en", "Does anyone else get side effects from sertraline?"),
    ("ok", "en", "Leaving the forum for a bit to focus on myself, see you soon"),
    ("ok", "nb", "Jeg er så dum, glemte nøklene igjen"),
    ("ok", "nb", "Mamma pleide å si at jeg måtte ta meg sammen, det såret meg"),
    ("ok", "nb", "Ikke slutt med medisinene uten å snakke med legen"),
    ("ok", "nb", "Jeg tar litium hver kveld til middag"),
    ("ok", "nb", "Psykiateren og jeg ble enige om å prøve lavere dose"),
    ("ok", "nb", "Er det flere som får bivirkninger av sertralin?"),
    ("ok", "nb", "Tar en pause fra forumet for å fokusere på meg selv"),
    ("crisis", "en", "the bottle of tablets is on my bedside table and I keep staring at it"),
    ("crisis", "en", "wrote my kids a letter each, they're in my desk drawer for afterwards"),
    ("crisis", "en", "I'm so tired of existing. I want everything to go black."),
    ("crisis", "en", "nobody would even notice I was gone for weeks"),
    ("crisis", "en", "my family would be better off without me dragging them down"),
    ("crisis", "en", "I hurt myself again last night, the cuts are deep this time"),
    ("crisis", "en", "i keep burning my arms with cigarettes"),
    ("crisis", "en", "the voice says I don't deserve to live and I'm starting to believe it"),
    ("crisis", "en", "I'm at the station, thinking about stepping in front of the next train"),
    ("crisis", "en", "i just want to sleep forever and never wake up"),
    ("crisis", "en", "I can't see a future. I don't want one."),
    ("crisis", "en", "I keep thinking how easy it would be to just drive into a wall"),
    ("crisis", "en", "searched how many of my pills it would take"),
    ("crisis", "en", "been sh again, sorry guys"),
    ("crisis", "en", "honestly i hope i dont wake up tomorrow"),
    ("crisis", "en", "I'm worthless and a waste of oxygen, the world is better without me"),
    ("crisis", "en", "i have enough pills saved to not wake up"),
    ("crisis", "nb", "jeg har fått nok. i kveld gjør jeg slutt på det for godt."),
    ("crisis", "nb", "pilleglasset står på nattbordet og jeg stirrer på det hele tiden"),
    ("crisis", "nb", "skrev et brev til hvert av barna, de ligger i skuffen til etterpå"),
    ("crisis", "nb", "jeg er så lei av å finnes. vil bare at alt skal bli svart."),
    ("crisis", "nb", "ingen ville merket at jeg var borte på flere uker"),
    ("crisis", "nb", "familien min har det bedre uten at jeg drar dem ned"),
    ("crisis", "nb", "skadet meg selv igjen i natt, kuttene er dype denne gangen"),
    ("crisis", "nb", "jeg brenner armene mine med sigaretter"),
    ("crisis", "nb", "stemmen sier at jeg ikke fortjener å leve og jeg begynner å tro på den"),
    ("crisis", "nb", "står på stasjonen og tenker på å gå foran neste tog"),
    ("crisis", "nb", "vil bare sove for alltid og aldri våkne"),
    ("crisis", "nb", "ser ingen framtid. vil ikke ha noen heller."),
    ("crisis", "nb", "tenker hele tiden på hvor lett det hadde vært å kjøre inn i en vegg"),
    ("crisis", "nb", "ga gitaren til broren min og bøkene til en venn, trenger dem ikke mer"),
    ("crisis", "nb", "søkte på hvor mange av pillene mine som skal til"),
    ("crisis", "nb", "jeg er verdiløs og bortkastet, verden er bedre uten meg"),
    ("crisis", "nb", "eg har spart nok tablettar til å ikkje vakne"),
    ("crisis", "nb", "har ikkje lyst å leve meir"),
    ("crisis", "nb", "orkar ikkje dette livet lenger"),
    ("ok", "en", "I'm going to finish this puzzle tonight if it kills me"),
    ("ok", "en", "My cat died last week and the flat feels so empty"),
    ("ok", "en", "Can we talk about how to support someone who self-harms?"),
    ("ok", "en", "I used to cut in my teens; I'm 34 now and doing well"),
    ("ok", "en", "My therapist asked if I have thoughts of suicide, I said no and it was true"),
    ("ok", "en", "Gave my old guitar to my nephew, he's going to love it"),
    ("ok", "en", "Saturday is the day! Finally moving flats."),
    ("ok", "en", "I've made up my mind: I'm going back to college"),
    ("ok", "en", "Took two paracetamol for my headache, feeling better"),
    ("ok", "en", "I'm so tired today, had a terrible night"),
    ("ok", "nb", "Skal bli ferdig med puslespillet i kveld om det så tar livet av meg"),
    ("ok", "nb", "Katten min døde forrige uke og leiligheten føles tom"),
    ("ok", "nb", "Kan vi snakke om hvordan man støtter noen som skader seg selv?"),
    ("ok", "nb", "Jeg skadet meg selv som tenåring; nå er jeg 34 og har det bra"),
    ("ok", "nb", "Terapeuten spurte om jeg har selvmordstanker, jeg sa nei og det var sant"),
    ("ok", "nb", "Ga den gamle gitaren min til nevøen min, han blir så glad"),
    ("ok", "nb", "Lørdag er dagen! Endelig flytter vi."),
    ("ok", "nb", "Har bestemt meg: jeg skal begynne å studere igjen"),
    ("ok", "nb", "Tok to paracet mot hodepinen, er bedre nå"),
    ("ok", "nb", "Så sliten i dag, sov elendig"),
    ("hostile", "en", "oh here she goes again, crying for likes"),
    ("hostile", "en", "honestly nobody wants to read your depressing crap every day"),
    ("hostile", "en", "you're not depressed, you're just lazy and spoiled"),
    ("hostile", "en", "typical snowflake, can't handle anything"),
    ("hostile", "en", "lmao imagine needing meds to be a functioning adult"),
    ("hostile", "en", "everyone here is sick of your whining, give it a rest"),
    ("hostile", "en", "you clearly love the drama"),
    ("hostile", "en", "go jump then, see if anyone cares"),
    ("hostile", "en", "stop playing the victim, it's boring"),
    ("hostile", "en", "you're such a freak, no wonder you're alone"),
    ("hostile", "nb", "nå begynner hun igjen, griner etter likes"),
    ("hostile", "nb", "ærlig talt, ingen gidder å lese det deprimerende tullet ditt hver dag"),
    ("hostile", "nb", "du er ikke deprimert, du er bare lat og bortskjemt"),
    ("hostile", "nb", "hvis det var så ille hadde du vært borte allerede"),
    ("hostile", "nb", "typisk snøfnugg, tåler ingenting"),
    ("hostile", "nb", "du er grunnen til at dette forumet er så trist"),
    ("hostile", "nb", "alle her er lei av sytingen din, gi deg nå"),
    ("hostile", "nb", "du elsker dramaet"),
    ("hostile", "nb", "hopp da, så får vi se om noen bryr seg"),
    ("hostile", "nb", "du er så rar, ikke rart du er alene"),
    ("misinformation", "en", "lithium wrecks your kidneys, get off it asap"),
    ("misinformation", "en", "tapering is a scam, just stop"),
    ("misinformation", "en", "your psychiatrist is just a drug dealer, ignore them"),
    ("misinformation", "en", "try ketamine from a friend instead of your antidepressants"),
    ("misinformation", "en", "halve your seroquel and you'll feel more awake"),
    ("misinformation", "en", "grapefruit juice makes the meds work better, drink loads"),
    ("misinformation", "en", "a bit of vodka takes the edge off with benzos"),
    ("misinformation", "en", "you won't need meds once you fix your gut, go on a detox"),
    ("misinformation", "nb", "litium ødelegger nyrene, kom deg av det så fort som mulig"),
    ("misinformation", "nb", "nedtrapping er svindel, bare slutt"),
    ("misinformation", "nb", "psykiateren din er bare en langer, ikke hør på dem"),
    ("misinformation", "nb", "prøv ketamin fra en venn i stedet for antidepressiva"),
    ("misinformation", "nb", "halver seroquelen så blir du mer våken"),
    ("misinformation", "nb", "du trenger ikke medisiner når du har fikset tarmen, ta en detox"),
    ("misinformation", "nb", "ta dobbelt opp med sovemedisinen hvis du ikke får sove"),
    ("ok", "en", "my friend is such a drama queen about her wedding lol"),
    ("ok", "en", "I stopped my antidepressants with my doctor's help last year"),
    ("ok", "en", "My GP told me to halve the dose for a week, then stop"),
    ("ok", "en", "Is it safe to drink alcohol on sertraline? Asking my pharmacist tomorrow"),
    ("ok", "en", "That movie was garbage, the plot made no sense"),
    ("ok", "nb", "venninna mi er så dramatisk om bryllupet sitt haha"),
    ("ok", "nb", "Jeg sluttet med antidepressiva sammen med legen i fjor"),
    ("ok", "nb", "Fastlegen sa jeg skulle halvere dosen en uke og så slutte"),
    ("ok", "nb", "Er det trygt å drikke alkohol på sertralin? Spør apoteket i morgen"),
    ("ok", "nb", "Den filmen var søppel, handlingen ga ingen mening"),
]

# Written the way members write, and missed by the rules today: they read words, not meaning (see
# the README). Kept here so that a change that finds them shows, and moves them up. (The learned
# layer may find some of them; this list is about the rules.)
KNOWN_MISSES = [
    ("crisis", "en", "I've had enough. Tonight I'm going to finish this for good."),
    ("crisis", "en", "I've made up my mind. Saturday."),
    ("crisis", "en", "I gave my guitar to my brother and my books to my friend, I won't need them"),
    ("crisis", "nb", "har bestemt meg. lørdag."),
    ("hostile", "en", "if it was that bad you'd be gone already"),
    ("hostile", "en", "you're the reason this forum is so miserable"),
    ("hostile", "nb", "slutt å spille offer, det er kjedelig"),
    ("misinformation", "nb", "litt vodka tar brodden av det med benzoene"),
]


@pytest.mark.parametrize(("label", "language", "text"), EXAMPLES)
def test_the_screen_gives_each_example_its_label(label, language, text):
    verdict = screen(text, language)
    assert verdict.label == label, [e.describe() for e in verdict.evidence]


def test_every_flag_says_why_with_the_words_as_written_and_the_rule():
    text = "Had a long day.   I have ALREADY taken all my sleeping pills, it's too late"
    verdict = screen(text, "en")
    assert (verdict.label, verdict.severity, verdict.category) == ("crisis", "imminent", "act_under_way")
    first = verdict.evidence[0]
    # The span points into the text as it was written, so a moderator sees the member's words.
    assert text[first.start : first.end] == first.words
    assert "taken all my sleeping pills" in first.words
    assert first.rule.startswith("en:") and first.describe() == f"“{first.words}” ({first.rule})"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("i want to k!ll myself", "en"),  # ! for i inside a word
        ("s*icide thoughts again tonight", "en"),  # * for a letter
        ("i w\u200bant to kill mys\u200celf", "en"),  # zero-width characters
        ("i want to kіll myself", "en"),  # Cyrillic і
        ("i want to kiiiiill myseeeelf", "en"),  # stretched letters
        ("i want to k i l l myself", "en"),  # spelled out
        ("I want to KILL MYSELF", "en"),
        ("i wanna d1e", "en"),  # leet
        ("jeg vil bare d r e p e meg", "nb"),
        ("jeg har selvmordstanker", "nb"),
        ("Jeg vil ta livet mitt", "nb"),
        ("jeg vil ta livet av meg", "nb"),  # inflections
        ("eg vil ikkje leve meir", "nb"),  # Nynorsk
        ("æ orke itj mer, vil dø", "nb"),  # dialect
    ],
)
def test_crisis_language_is_found_through_disguises_and_dialects(text, language):
    assert screen(text, language).label == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "This homework is murder and that joke killed me",
        "I nearly killed myself on the ice this morning, nothing broken",
        "Five years ago I wanted to die. Today I'm doing much better.",
        "My friend said she wants to die and I don't know how to help her",
        "New statistics on suicide rates in Norway were published today",
        "Where in my crisis plan do I write the helpline numbers?",
        "I would never kill myself, I just need some sleep",
    ],
)
def test_figures_of_speech_and_talk_about_the_topic_are_not_crisis(text):
    assert screen(text, "en").label == "ok"


def test_ones_own_medicine_plan_with_the_doctor_is_not_health_advice():
    assert screen("My doctor and I agreed that I stop the lithium slowly over two months", "en").label == "ok"
    assert screen("You should stop your lithium, doctors just want to keep you drugged", "en").label == (
        "misinformation"
    )


def test_telling_someone_to_harm_themselves_is_hostile_at_crisis_level():
    verdict = screen("honestly just go kill yourself", "en")
    assert (verdict.label, verdict.severity, verdict.category) == ("hostile", "crisis", "incitement")


def test_a_plan_with_a_time_is_imminent_and_a_wish_alone_is_crisis():
    assert screen("the plan is the bridge on sunday morning", "en").severity == "imminent"
    assert screen("I want to die", "en").severity == "crisis"


def test_watched_words_add_to_the_screen_with_their_action():
    verdict = screen("Best c.a.s.i.n.o bonus here", "en", watched=[("casino", "hold"), ("bonus", "flag")])
    assert verdict.watched == {"hold": ("casino",), "flag": ("bonus",)}
    assert verdict.label == "ok"


def test_the_other_languages_plain_rules_apply_too():
    # People write in both languages: an English phrase in a Norwegian post is still found.
    assert screen("Orker ikke mer. I want to kill myself.", "nb").label == "crisis"


def test_empty_and_odd_text_is_ok():
    for text in ("", "   ", "113", "🙂🙂🙂", "-" * 500):
        assert screen(text, "en").label == "ok"


@pytest.mark.parametrize(("label", "language", "text"), KNOWN_MISSES)
def test_known_misses_are_still_missed_so_the_list_stays_true(label, language, text):
    from moderation.screening.engine import detector

    assert label not in {e.label for e in detector().rule_evidence(text, language)}


def test_the_text_says_its_language_whatever_the_writers_pages_are_in():
    # A member who reads the portal in English may well write in Norwegian, and the other way round.
    assert screen("Jeg vil bare dø, orker ikke mer", "en").label == "crisis"
    assert screen("Bare kutt ut medisinene dine, de er gift", "en").label == "misinformation"
    assert screen("I just stopped taking my pills last year, it went fine for me", "nb").label == "ok"
