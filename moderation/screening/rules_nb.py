"""Norwegian rules, written in Bokmål; Nynorsk and dialect forms reach them through language.py's map
and the stemmer (which also covers the inflections: "tabletter", "tablettene")."""

from moderation.screening.rules import (
    ADVICE_OK,
    FIGURE,
    HYPOTHETICAL,
    NEGATION,
    OTHERS,
    OWN_PLAN,
    PAST,
    QUESTION,
    QUOTE,
    SELF_TALK,
    TOPIC,
    context,
    rule,
)

FRAGMENTS = {
    "jeg": "jeg | meg",
    "self": "meg | meg selv | livet mitt | mitt liv | mitt eget liv | livet av meg | meg av dage",
    "want": "vil | ville | ønsker | ønske | ønsket | har lyst | lyst | lengter | lengter etter | trenger | skal | "
    "kommer til | planlegger | tenker på | tenkt på | tenker | har tenkt | vurderer | fristet | bestemt | klar "
    "| klar for | har bare lyst | bare lyst | vil bare | vil helst | helst | skulle ønske | håper | kunne tenke meg",
    "die": "dø | være død | slippe å leve | slippe å være her | slippe å våkne | ikke våkne | aldri våkne | ikke "
    "finnes | slutte å finnes | slutte å eksistere | ikke eksistere | forsvinne for alltid | ikke være her | "
    "sovne inn | sovne for alltid | bli borte for alltid | få slutt på alt | få slutt på livet | ikke leve | "
    "ikke være til | vekk fra alt for alltid | ikke være i live | være borte | få fred for alltid",
    "anymore": "lenger | mer | mere | lengre",
    "pills": "piller | pillene | tabletter | tablettene | medisiner | medisinene | medisin | paracet | paracetamol "
    "| sovepiller | sovemedisin | smertestillende | insulin | antidepressiva | litium | quetiapin | sobril | "
    "vival | imovane | zopiklon | pillebrett | brett | esker | eske | glass",
    "means": "{pills} | tau | løkke | belte | barberblad | kniv | våpen | gevær | bro | brua | broen | tog | "
    "toget | skinnene | taket | stup | stupet | balkongen | kanten | gift | overdose",
    "time": "i kveld | i natt | i dag | nå | nå med en gang | i helga | i morgen | om en time | etter dette | "
    "snart | straks | ved midnatt",
    "people": "alle | alle sammen | familien | familien min | de | barna | barna mine | foreldrene mine | mannen "
    "min | kona mi | kona min | samboeren min | kjæresten min | verden | vennene mine | dere | folk",
    "du": "du | dere | deg | din | di | ditt | dine",
    "meds": "medisiner | medisinene | medisin | medikamenter | pillene | piller | tabletter | tablettene | "
    "antidepressiva | lykkepiller | antipsykotika | litium | stemningsstabiliserende | sertralin | cipralex | "
    "escitalopram | fluoksetin | venlafaxin | quetiapin | seroquel | olanzapin | zyprexa | abilify | "
    "lamotrigin | lamictal | risperdal | leponex | klozapin | benzo | benzoer | sobril | vival | valium | "
    "resept | dose | dosen | dosene | behandling | behandlingen | depot | sprøyte | sprøyta | medisinering",
    "alternative": "johannesurt | fiskeolje | omega | tran | cbd | cannabis | hasj | marihuana | kosttilskudd | "
    "vitaminer | vitamin | urter | urtemedisin | naturmedisin | fleinsopp | sopp | psilocybin | mikrodosering | "
    "ketamin | eteriske oljer | oljer | gurkemeie | meditasjon | yoga | bønn | juice | kalddusj | kald dusj | "
    "faste | keto | kosthold | trening | løping | natur | naturen | homeopati | detox | sollys | akupunktur",
    "booze": "alkohol | sprit | vin | øl | drikke | fyll | alkis | hasj | cannabis | grapefrukt | kokain | "
    "ecstasy | mdma | amfetamin | fest | shots | drinker | drink",
    "stop": "slutt | slutte | kutt | kutte | kutt ut | dropp | droppe | kast | kaste | hiv | hive | stopp | "
    "stoppe | trapp ned | legg bort | skipp | hopp over | dump | dumpe | bli kvitt | kvitt deg med | gi opp",
    "lege": "lege | legen | fastlege | fastlegen | psykiater | psykiateren | sykepleier | sykepleieren | "
    "behandler | behandleren | psykolog | psykologen | behandlingsteam | behandlingsteamet | team | teamet | "
    "dps | farmasøyt | apotek | poliklinikk | spesialist | kontaktperson",
}

RULES = (
    # --- Ønske om å være død -----------------------------------------------------------------
    rule("wish_dead", "vil dø", "{jeg}? ...2 {want} ...2 å? {die}"),
    rule(
        "wish_dead",
        "ønsker jeg var død",
        "(ønsker | ønske | ønsket | skulle ønske | håper) ...2 jeg (var | "
        "er | hadde vært | bare var) ...2 (død | borte | aldri født | ikke født | ikke her | ikke til)",
    ),
    rule("wish_dead", "aldri født", "(aldri | ikke) (blitt | vært) født"),
    rule(
        "wish_dead",
        "ikke våkne",
        "(håper | ønsker | ber om | vil) ...3 (ikke | aldri) (våkne | våkner | våkna | våkner opp | våkne opp)",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "vil ikke leve",
        "(vil | ønsker | orker | gidder | klarer | har ikke lyst | har lyst) ...2 "
        "(ikke | ingen)? ...2 (å )? (leve | være i live | være her | eksistere | fortsette | leve livet | "
        "være til | våkne) ...2 {anymore}",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "orker ikke å leve",
        "(orker | gidder | klarer | tåler | holder) (ikke | ut ikke | "
        "ikke ut)? ...2 (å leve | livet | mer av livet | å være til | å eksistere | dette livet | å være i live "
        "| mer av dette | dette lenger | mer av dette livet)",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "orker ikke mer",
        "(orker | klarer | holder | gidder) ...2 (ikke | ikkje) ...2 (mer | "
        "lenger | lengre | ut lenger | dette lenger | ut mer)",
        without={NEGATION},
        weak=True,
    ),
    rule(
        "wish_dead",
        "bedre død",
        "(bedre | enklere | lettere) ...3 (om | hvis | at) ...2 (jeg) ...2 (var død "
        "| døde | var borte | ikke fantes | forsvant | ikke var her | ikke levde)",
    ),
    rule("wish_dead", "bedre død kort", "bedre (død | å være død | å dø)"),
    rule(
        "wish_dead",
        "ingenting å leve for",
        "(ingenting | ikke noe | ingen grunn | ingen mening | ingen vits "
        "| ikke noen grunn | ikke noen mening | ingen) ...3 (å leve for | til å leve | med å leve | med livet | "
        "i å leve | med å fortsette | å leve)",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "ser ingen mening",
        "(ser | finner) (ingen | ikke noen | ikke noe) (mening | vits | "
        "grunn | poeng) ...3 (livet | leve | å leve | å fortsette | med noe | lenger)",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "lei av livet",
        "(lei | trøtt | sliten | ferdig | drittlei | dritt lei) (av | med) (å "
        "leve | livet | å være til | å eksistere | å puste | alt sammen | dette livet)",
    ),
    rule(
        "wish_dead", "ikke verdt å leve", "(livet | det) ...2 (ikke | ikkje) verdt (å leve | det)", without={NEGATION}
    ),
    rule(
        "wish_dead",
        "få det overstått",
        "(vil | ønsker | lyst | lengter) ...3 (få det overstått | få fred | "
        "slippe alt | slippe unna alt | hvile for alltid | forsvinne)",
        weak=True,
    ),
    rule(
        "wish_dead",
        "forsvinne for alltid",
        "(forsvinne | sovne | sove | bli borte) (for alltid | for godt | og aldri våkne | og ikke våkne)",
    ),
    rule("wish_dead", "la meg dø", "la meg (dø | få dø | slippe)"),
    # --- Tanker om å ta livet sitt --------------------------------------------------------------
    rule(
        "suicidal_thoughts",
        "ta livet mitt",
        "(ta | tar | tok | tatt | ta | drepe | dreper | drep | avslutte "
        "| ende | gjøre slutt på | gjøre det slutt med) ...2 (livet mitt | livet av meg | mitt eget liv | mitt "
        "liv | meg selv | meg av dage | meg)",
    ),
    rule(
        "suicidal_thoughts",
        "selvmordstanker",
        "(jeg | meg | har | hatt | sliter med | får | fått | kommer | "
        "med | mine | masse | mye | sterke | daglige) ...3 (selvmordstank* | selvmordstank* | selvmordsplan* | "
        "selvmordsfar* | selvmordsimpuls*)",
    ),
    rule(
        "suicidal_thoughts",
        "selvmord",
        "(tenker | tenkt | tenke | tanker | vurderer | vurdert | planlegger | "
        "planla | nær | nærme | begå | begå | prøve | prøver | forsøke | forsøk | lyst | fristet | ønsker | vil "
        "| skal | kommer til å | klar) ...3 (selvmord | sjølmord | selvmordsforsøk)",
        weak=True,
    ),
    rule(
        "suicidal_thoughts",
        "selvmordstanker alene",
        "(selvmordstank* | selvmordsplan* | selvmordal* | suicidal* | selvmordsimpuls*)",
        weak=True,
    ),
    rule(
        "suicidal_thoughts",
        "gjøre slutt",
        "(gjøre | gjør | få) (slutt | ende) (på | med) ...2 (alt | "
        "alt sammen | livet | det hele | det | meg selv | meg | tingene)",
    ),
    rule(
        "suicidal_thoughts",
        "avslutte alt",
        "(avslutte | avslutter | ende | ender) (alt | livet | det hele | det | alt sammen)",
    ),
    rule(
        "suicidal_thoughts",
        "ikke her lenger",
        "(blir | er) (ikke | ikkje) (her | til stede | i live) ...2 "
        "(i morgen | lenge | mye lenger | lenger | neste uke | til jul | til sommeren)",
        without={NEGATION},
    ),
    # --- Metode, plan, tid eller sted -----------------------------------------------------------
    rule(
        "method_plan",
        "ta alle pillene",
        "(ta | tar | svelge | svelger | sluke | kaste i meg | ta en) ...3 "
        "(alle | hele | resten av | nok | mange | masse | en haug | en neve | et helt | ei hel | en hel) ...3 "
        "{pills}",
    ),
    rule("method_plan", "overdose", "(overdose | overdosere | overdoser | =od) ...3 {pills}?", weak=True),
    rule(
        "method_plan",
        "nok piller",
        "nok {pills} ...3 (til å | for å) ...2 (dø | ta livet | ikke våkne | gjøre det | avslutte)",
    ),
    rule(
        "method_plan",
        "hoppe",
        "(hoppe | hopper | hoppa | kaste meg | kaster meg | legge meg | gå) ...3 (fra |"
        " foran | ut fra | ut av | ned fra | under | på) ...2 (brua | broen | bro | bru | taket | toget | tog | "
        "skinnene | stupet | balkongen | vinduet | kanten | fjellet | bussen | bilen | trikken | t banen)",
    ),
    rule("method_plan", "henge meg", "(henge | henger | hengt) (meg | meg selv)"),
    rule(
        "method_plan",
        "tau",
        "(kjøpt | kjøpe | har | fått | knyte | knytt | klart | funnet) ...2 (tau | løkke | et tau | ei løkke)",
        weak=True,
    ),
    rule(
        "method_plan",
        "kutte pulsåra",
        "(kutte | skjære | skjære over | kuttet | skar) ...2 (pulsåra | "
        "pulsåren | pulsårene | håndleddene | håndleddet | halsen | dypt)",
    ),
    rule(
        "method_plan",
        "vet hvordan",
        "(jeg | har) ...3 (vet | bestemt | planlagt | funnet ut | valgt | "
        "bestemt meg for) ...3 (hvordan | når | hvor | metode | dato | dagen | stedet | en dato | en dag)"
        " ...4 (gjøre det | dø | ta livet | det skal skje | jeg skal)",
    ),
    rule(
        "method_plan",
        "har en plan",
        "(har | laget | lagd | legger) (en | ei)? (plan | dato) ...4 (for å | "
        "om å | til å) ...2 (dø | ta livet | gjøre det | avslutte | gjøre slutt)",
    ),
    rule(
        "method_plan",
        "samlet piller",
        "(samlet | samler | spart | sparer | hamstret | hamstrer | gjemt | "
        "gjemmer | lagret | lagrer | har nok) ...3 {means}",
    ),
    rule(
        "method_plan",
        "kjøre inn i",
        "(kjøre | kjører | krasje) ...2 (inn i | ut for | av) ...3 (trailer | "
        "vogntog | fjellvegg | tre | stup | møtende | veien)",
    ),
    rule(
        "method_plan",
        "hvordan dø",
        "(hvordan | beste måte | enkleste måte | raskeste måte | smertefri måte | "
        "smertefritt) ...3 (å dø | å ta livet | ta livet av seg | å avslutte | å gjøre det)",
    ),
    # --- Intensjon og beslutning ------------------------------------------------------------------
    rule(
        "intent",
        "bestemt meg",
        "(har | jeg) ...2 (bestemt meg | tatt en beslutning | tatt beslutningen | "
        "bestemt) ...3 (for å dø | å dø | for å avslutte | å avslutte | å gjøre det | det blir i kveld | "
        "i kveld | i natt | i dag | det er over | farvel)",
    ),
    rule(
        "intent",
        "skal gjøre det",
        "(skal | kommer til å | klar til å | klar for å) ...2 (gjøre det | "
        "gjennomføre | gå gjennom med det | ta livet) ...3 {time}",
        imminent=True,
    ),
    rule(
        "intent",
        "siste innlegg",
        "(dette er | blir) ...2 (mitt siste | det siste | min siste | siste) ...2 "
        "(innlegg | melding | gang | dag | natt | ord)",
    ),
    rule("intent", "når dere leser", "(når | innen) (dere | du | noen) (leser | ser | finner) (dette | denne | meg)"),
    rule(
        "intent",
        "i kveld skjer det",
        "({time}) ...2 (skjer det | er kvelden | er natten | er dagen | er det slutt | gjør jeg det | blir det)",
        imminent=True,
        weak=True,
    ),
    rule(
        "intent",
        "ikke redd for å dø",
        "(ikke | ikkje) (lenger)? (redd | livredd) for (å dø | døden)",
        without={NEGATION},
    ),
    # --- Forberedelser ------------------------------------------------------------------------------
    rule(
        "preparatory",
        "avskjedsbrev",
        "(avskjedsbrev* | farvelbrev* | selvmordsbrev* | siste brev | avskjedsmelding*)",
        weak=True,
    ),
    rule(
        "preparatory",
        "skrevet brev",
        "(skrevet | skrev | skriver | skrive | lagt igjen | legge igjen) ...3 "
        "(brev | farvel | avskjed) ...3 (til | for) ...2 (familien | barna | mamma | pappa | alle | de)",
        weak=True,
    ),
    rule(
        "preparatory",
        "ta farvel",
        "(tar | ta | tatt | sagt | si | sier | sa) (farvel | adjø | et siste "
        "farvel) ...3 (til | med)? ...2 (alle | familien | dere | verden)?",
        weak=True,
    ),
    rule(
        "preparatory",
        "gitt bort",
        "(gitt | gir | gi | ga) bort ...3 (tingene | ting | alt | katten | "
        "hunden | eiendeler | klærne | sakene | alt jeg eier)",
    ),
    rule(
        "preparatory",
        "ordnet alt",
        "(ordnet | ordner | ordne | fått orden på | rydda | ryddet) ...3 (alt | "
        "papirene | testamentet | sakene mine | tingene mine | det praktiske) ...4 (før jeg | til etter | "
        "når jeg er borte | for familien)",
    ),
    rule(
        "preparatory",
        "testamente",
        "(skrevet | skrev | laget | lagd | ordnet) ...2 (testament* | begravelse*)",
        weak=True,
    ),
    rule(
        "preparatory",
        "googlet",
        "(googlet | googla | søkte | søkt | søker | lest | leste | sjekket | "
        "sjekka) ...4 (hvordan | hvor mye | hvor mange | dødelig | farlig dose | dødelig dose | metoder | høyde)"
        " ...4 (dø | dødelig | ta livet | overdose | dose | pillene | tabletter)",
        weak=True,
    ),
    rule(
        "preparatory",
        "farvel alle",
        "(farvel | ha det | adjø) (alle | alle sammen | verden | for alltid | for godt)",
        weak=True,
    ),
    rule(
        "preparatory",
        "ta vare på",
        "(lov meg | vær så snill) ...3 (ta vare på | pass på) (katten | hunden | barna | mamma)",
        weak=True,
    ),
    # --- Selvskading ----------------------------------------------------------------------------
    rule(
        "self_harm",
        "skade meg",
        "(skade | skader | skadet | skada | kutte | kutter | kuttet | kutta | skjære "
        "| skjærer | skar | rispe | risper | rispet | brenne | brenner | brant | slå | slår | slo | straffe | "
        "sulte) (meg | meg selv | armene | armen | lårene | håndleddene | huden)",
    ),
    rule(
        "self_harm",
        "selvskading",
        "(selvskad* | sjølskad* | selvskading | risping | kutting | cutting) ...3 "
        "(igjen | tilbakefall | trang | lyst | i kveld | i natt | i går | startet | begynt | sprekk | sprakk | "
        "klarer ikke | fortsetter | hver dag | =sh)",
        weak=True,
    ),
    rule(
        "self_harm",
        "trang til å skade",
        "(trang | lyst | behov | sug | sprekk | sprakk | tilbakefall | "
        "begynt | startet) ...3 (å | med)? (skade meg | kutte | kutting | selvskad* | rispe | risping | sh)",
        weak=True,
    ),
    rule(
        "self_harm",
        "barberblad",
        "(barberblad* | kniv | blad | saks) ...4 (armen | armene | håndledd* | "
        "låret | lårene | huden | blø | blør | blod | kutt)",
        weak=True,
    ),
    rule(
        "self_harm",
        "kuttene",
        "(kuttene | kuttet | sårene | arrene) ...3 (blør | dype | ferske | nye | sting)",
        weak=True,
    ),
    # --- Å føle seg som en byrde -----------------------------------------------------------------
    rule(
        "burdensomeness",
        "bedre uten meg",
        "({people})? ...3 (har det | hadde hatt det | får det | blir | "
        "ville fått det | hadde fått det | ville hatt det | hadde det | ville vært | er) ...2 (bedre | "
        "lettere | enklere | lykkeligere | gladere) ...2 (uten meg | om jeg var borte | hvis jeg var borte | "
        "når jeg er borte | om jeg døde | hvis jeg døde | uten at jeg | om jeg forsvant | hvis jeg forsvant)",
    ),
    rule(
        "burdensomeness",
        "en byrde",
        "(jeg er | jeg føler meg som | føler meg som | er bare | bare er | er jo) "
        "...2 (en byrde | byrde | til bry | til belastning | en belastning | en klamp om foten | i veien | "
        "et problem for alle | sløsing med plass | bortkastet)",
    ),
    rule("burdensomeness", "byrde for alle", "(byrde | belastning | til bry) (for | på) ({people})"),
    rule(
        "burdensomeness",
        "ødelegger for alle",
        "jeg ...2 (ødelegger | ødela) ...2 (alt | for alle | livet til) ...2 ({people})?",
        weak=True,
    ),
    # --- Å ikke høre til ------------------------------------------------------------------------
    rule(
        "thwarted_belonging",
        "ingen ville savnet meg",
        "(ingen | ikke en eneste | ikke én) ...2 (ville | vil | "
        "hadde | kommer til å) ...2 (savne | savnet | merke | merket | bry seg | brydd seg | lagt merke til | "
        "gråte | grått | komme i begravelsen) ...4 (meg | om meg | hvis jeg | om jeg | at jeg var borte)?",
    ),
    rule(
        "thwarted_belonging",
        "helt alene",
        "(helt | totalt | fullstendig | så) alene ...3 (ingen | i verden | for alltid | alltid)",
        weak=True,
    ),
    # --- Stemmer som befaler ---------------------------------------------------------------------
    rule(
        "command_hallucination",
        "stemmene sier",
        "(stemmen | stemmene | stemmer | de | den) ...2 (sier | sa | "
        "forteller | ber | befaler | roper | hvisker | krever | vil at | maser om | maser) ...3 (at jeg skal | at "
        "jeg må | jeg skal | jeg må | meg å | meg om å | å)? ...2 (drepe meg | dø | skade meg | hoppe | ta livet "
        "| kutte | gjøre det | fortjener å dø | straffe meg)",
    ),
    # --- Handling pågår ------------------------------------------------------------------------------
    rule(
        "act_under_way",
        "har tatt pillene",
        "(har | nettopp | akkurat | allerede) ...2 (tatt | svelget | "
        "slukt | tok) ...3 (alle | hele | masse | mange | en haug | en neve | resten av | et helt | ei hel | "
        "nok) ...3 {pills}",
        imminent=True,
    ),
    rule(
        "act_under_way",
        "står på brua",
        "(står | sitter | er) ...2 (på | ved) (brua | broen | taket | kanten "
        "| stupet | skinnene | perrongen | balkongen) ...3 (nå | akkurat nå | ser ned | klar | hoppe)?",
        imminent=True,
        weak=True,
    ),
    rule(
        "act_under_way",
        "blør mye",
        "(blør | blør så | blødd) ...2 (mye | kraftig | masse | ikke stopper | vil ikke stoppe | overalt)",
        imminent=True,
        weak=True,
    ),
    rule("act_under_way", "gjør det nå", "(gjør | gjøre) det (nå | i kveld | akkurat nå)", imminent=True, weak=True),
    # --- Fiendtlig -------------------------------------------------------------------------------
    rule(
        "incitement",
        "drep deg selv",
        "(drep | drepe | ta livet av | heng | henge) (deg | deg selv | dere)",
        without={SELF_TALK},
    ),
    rule(
        "incitement",
        "gå og dø",
        "(gå og | bare | burde | kan like godt | hopp | gjør) ...2 (dø | drukn deg | "
        "legge deg ned og dø | hopp fra en bro | gjøre alle en tjeneste | gjør det da)",
        without={SELF_TALK},
    ),
    rule(
        "incitement",
        "ingen savner deg",
        "(ingen | ingen vil) (ville | vil)? (savne | savnet | bry seg om) (deg | dere)",
    ),
    rule(
        "invalidation",
        "dramaqueen",
        "(dramaqueen | drama queen | dramadronning* | oppmerksomhetssyk* | "
        "oppmerksomhetshore | sippete | sippe | sutrekopp | sutrete | pyse | pysete | snøfnugg | krybaby)",
    ),
    rule(
        "invalidation",
        "ta deg sammen",
        "(ta deg sammen | skjerp deg | tak deg saman | ta deg saman | "
        "bit tennene sammen | kom deg over det | kom over det | hold ut som alle andre | vokse opp | bli "
        "voksen | voks opp | manne deg opp | mann deg opp | herd deg | ta deg i nakken)",
    ),
    rule(
        "invalidation",
        "slutt å syte",
        "(slutt | hold opp | gi deg | stopp) (å | med å)? (syte | sutre | "
        "klage | grine | sippe | være så dramatisk | lage drama | være lat | synes synd på deg selv | spille "
        "offer | komme med unnskyldninger | mase)",
    ),
    rule(
        "invalidation",
        "bare i hodet",
        "(sitter | er) (bare | alt)? ...2 (i hodet ditt | i hodet | innbilning "
        "| innbilt | oppspinn | bare tull | en unnskyldning | ikke ekte)",
        weak=True,
    ),
    rule(
        "invalidation",
        "du later som",
        "(du | dere) ...2 (later som | spiller | overdriver | innbiller deg | "
        "lyver om | finner på | søker oppmerksomhet | vil bare ha oppmerksomhet)",
    ),
    rule(
        "invalidation",
        "ingen bryr seg",
        "(ingen | ingen her) (bryr seg | gidder å høre | spurte | gir blaffen "
        "| gir faen) ...2 (om deg | om det | om dine)?",
    ),
    rule(
        "invalidation",
        "i-landsproblem",
        "(i landsproblem* | ilandsproblem* | syntes synd på deg selv | "
        "sutring | grining | alle har problemer | andre har det verre | ekte problemer | skaff deg et liv)",
    ),
    rule(
        "invalidation",
        "depresjon er ikke ekte",
        "(depresjon | angst | psykisk sykdom | bipolar | adhd) ...2 "
        "(er | finnes) ...2 (ikke | ikkje) ...2 (ekte | en sykdom | en unnskyldning | noe som finnes)",
        weak=True,
        without={NEGATION},
    ),
    rule(
        "invalidation",
        "bare tenk positivt",
        "bare (tenk positivt | vær positiv | smil mer | vær glad | slutt å "
        "være lei deg | gå en tur | ta deg en tur | skjerp deg)",
        weak=True,
    ),
    rule(
        "insult",
        "du er dum",
        "({du}) ...2 (er | =e | virker | blir) ...3 (dum | teit | patetisk | idiot | "
        "en idiot | latterlig | ynkelig | svak | lat | gal | psyko | sprø | taper | en taper | et null | "
        "ubrukelig | verdiløs | en byrde | håpløs | en vits | ekkel | egoistisk | irriterende | rar | freak | "
        "et freak | en parasitt | parasitt | snylter | en snylter | søppel | avskum | dust | en dust | tulling | "
        "en tulling | klovn | en klovn | skam | en skam | idiotisk | hjernedød | feig | hysterisk | "
        "mongo | tilbakestående | ubrukelig | en fiasko | fiasko | sytekopp)",
    ),
    rule(
        "insult",
        "din idiot",
        "(din | ditt | dere | for en | for et | sånn en | sånne) (idiot | idioter | "
        "taper | tapere | dust | tulling | nek | drittsekk | kødd | fitte | klovn | freak | psyko | "
        "snylter | parasitt | sytekopp | pyse | mongo | hore | jævel | fjols | tosk | mongo | hjernedød | "
        "pysa | feiging)",
    ),
    rule(
        "insult",
        "hold kjeft",
        "(hold kjeft | hold munn | hold kjeften | faen ta deg | fuck deg | fuck you "
        "| dra til helvete | dra til h | gå til helvete | drit og dra | stikk av | kom deg vekk | kom deg ut | "
        "ut med deg | pell deg | forsvinn | dra dit pepperen gror)",
    ),
    rule(
        "insult",
        "folk som deg",
        "(folk som deg | sånne som deg | slike som deg | sånne som dere | dere "
        "psykiatriske | typen din) ...3 (er | burde | ødelegger | gjør | fortjener | skal | må)",
    ),
    rule(
        "exclusion",
        "forlat forumet",
        "(forlat | forlate | dra fra | gå fra | hold deg unna | hold deg vekk "
        "fra | kom deg vekk fra | kom deg ut av | meld deg ut av) ...2 (forumet | gruppa | gruppen | her | "
        "siden | tråden | denne tråden | dette forumet)",
    ),
    rule(
        "exclusion",
        "ingen vil ha deg",
        "(ingen | ingen her) ...2 (vil ha | vil ha deg | ønsker deg | trenger "
        "deg | liker deg | vil høre på deg) ...2 (deg | her)?",
    ),
    rule(
        "exclusion",
        "ikke velkommen",
        "(du | dere) ...2 (er ikke velkommen | hører ikke hjemme | passer ikke inn | er ikke ønsket | hører ikke til)",
    ),
    # --- Skadelige helseråd ----------------------------------------------------------------------
    rule(
        "stop_medication",
        "slutt med medisinene",
        "({stop}) ...3 (med | å ta | å bruke | ta | bruke)? ...2 "
        "(de | dine | alle | alle dine | disse | den | det | resten av)? ...2 {meds}",
    ),
    rule(
        "stop_medication",
        "trenger ikke medisiner",
        "(du | dere | ingen) (trenger | behøver | bør) (ikke | ikkje | egentlig ikke) ...2 {meds}",
        without={NEGATION},
    ),
    rule(
        "stop_medication",
        "medisiner er gift",
        "({meds}) (er | var | blir) ...3 (gift | giftig | svindel | "
        "lureri | farlige | farlig | bare placebo | placebo | ødelegger hjernen | gjør deg verre | gjør deg syk "
        "| problemet | ondskap | en krykke | skadelig | skadelige | hjerneskade | bare tull | tull | unødvendig "
        "| unødvendige)",
    ),
    rule(
        "stop_medication",
        "slutt tvert",
        "(slutt | slutte | stopp | stoppe | kutt | kutte) (tvert | brått | "
        "med en gang | på dagen | kald kalkun | cold turkey | alt på en gang)",
    ),
    rule(
        "stop_medication",
        "legemiddelindustrien",
        "(legemiddelindustrien | pharma | big pharma | "
        "legemiddelfirmaene | psykiatrien | psykiaterne | legene) ...4 (lyver | lurer | vil bare | tjener | "
        "holder deg | gjør deg | vil at du skal)",
        weak=True,
    ),
    rule(
        "stop_medication",
        "ikke ta",
        "(ikke | aldri | slutt å) (ta | begynn på | begynne på | start på | bruk | bruke | rør) ...2 {meds}",
        without={NEGATION},
    ),
    rule(
        "dose_change",
        "doble dosen",
        "(doble | dobbel | dobbelt | tredoble | halvere | halver | øke | øk | "
        "senke | senk | kutte | kutt | redusere | reduser | hoppe over | hopp over | dele | del | knuse | ta) "
        "...3 (dosen | dose | doser | dosene | mg | medisinen | medisinene | pillene | tablettene | en ekstra | "
        "ekstra | dobbel dose | dobbelt dose)",
    ),
    rule(
        "dose_change",
        "mer enn foreskrevet",
        "(ta | tar | ta gjerne | prøv) ...3 (mer enn | flere enn | "
        "dobbelt så mye | to | tre | ekstra | et par ekstra | noen ekstra | så mange) ...3 (foreskrevet | "
        "forskrevet | piller | tabletter | doser | du trenger | du vil | det står)",
    ),
    rule(
        "dose_change",
        "juster selv",
        "(juster | justere | endre | endr | tilpass | tilpasse | eksperimenter "
        "med | leke med) ...3 (dosen | dose | doseringen | medisinene | medisinen) ...3 (selv | på egen hånd | "
        "uten å spørre | uten å si)",
    ),
    rule(
        "combine",
        "bland med alkohol",
        "(bland | blande | blander | kombiner | kombinere | ta | ta dem | "
        "ta de) ...4 ({meds} | dem | de | den | det) ...3 (med | sammen med | og | oppå) ...2 {booze}",
    ),
    rule(
        "combine",
        "drikke på medisiner",
        "({booze} | drikke | drikk | et glass | noen glass | et par øl) ...3 "
        "(på | med | sammen med | selv om du går på | og) ...2 ({meds}) ...3 (går fint | er greit | er helt "
        "greit | går bra | gjør ingenting | er ufarlig | er trygt | er null stress | helt fint)?",
        weak=True,
    ),
    rule(
        "combine",
        "greit å blande",
        "(greit | fint | ok | trygt | ufarlig | null stress | helt greit | "
        "helt fint) å (blande | kombinere | drikke | ta) ...4 (med | på | sammen | alkohol | medisiner | "
        "medisinene)",
    ),
    rule(
        "replace",
        "i stedet for medisiner",
        "(i stedet for | istedenfor | istedet for | heller enn | bytt ut "
        "| bytte ut | erstatt | erstatte | bedre enn | slår) ...3 {meds} ...4 ({alternative})?",
    ),
    rule(
        "replace",
        "alternativ kur",
        "({alternative}) ...4 (kurerer | kurere | kurerte | kur | kurert | "
        "fikser | fikset | virker bedre | er bedre | funker bedre | bedre enn | helbreder | helbredet | alt du "
        "trenger | erstatter | i stedet | istedenfor | istedet)",
    ),
    rule(
        "replace",
        "prøv heller",
        "(prøv | bruk | ta | bytt til | gå over til) ...3 ({alternative}) ...3 "
        "(heller | i stedet | istedenfor | istedet | og slutt | og kutt | og dropp)",
    ),
    rule(
        "replace",
        "naturlig kur",
        "(naturlig | naturlige | naturmedisinsk | holistisk) ...2 (kur | "
        "behandling | måte | alternativ | middel | midler | medisin) ...3 (i stedet | mot depresjon | mot "
        "angst | bedre)?",
        weak=True,
    ),
)

NEGATORS = frozenset({"ikk", "ikke", "ikkj", "aldri", "ingen", "ingenting", "verken", "hverken", "uten", "not",
                      "never"})  # fmt: skip
NEGATION_KEEPS = frozenset({"slutt", "slutte", "hjelp", "hjelpe", "orke", "ork", "klar", "klare", "tål", "tåle",
                            "hold", "holde", "vent", "vente", "sov", "sove", "se", "finn", "finne", "gidd", "gidde",
                            "leng", "mer", "bra", "grei", "greit", "fin", "fint", "god", "godt", "lev", "leve",
                            "ønsk", "vil", "bar", "bare", "så", "lyst"})  # fmt: skip

CONTEXTS = (
    context(
        NEGATION,
        "kommer aldri til",
        "(kommer | skal | ville | vil) (aldri | ikke | ikkje) ...3 (gjøre det "
        "| ta livet | drepe | skade | handle på | gjøre noe)",
        scope="clause",
    ),
    context(
        NEGATION,
        "ikke suicidal",
        "(ikke | ikkje | aldri | ingen) ...2 (selvmordstank* | suicidal* | "
        "selvmordsfare* | i fare | fare for | akutt fare | planer om)",
        scope="clause",
    ),
    context(
        NEGATION,
        "trygg",
        "(jeg er | jeg holder meg | holder meg | skal holde meg) (trygg | trygt | i live)",
        scope="sentence",
    ),
    context(PAST, "år siden", "for ...2 (år | måneder | måned | uker | tiår | lenge) siden", "sentence"),
    context(
        PAST,
        "den gangen",
        "(den gangen | på den tiden | tidligere | før i tiden | i ungdommen | som "
        "tenåring | som ungdom | da jeg var (ung | yngre | tenåring | liten | barn | på ungdomsskolen | "
        "på videregående | student | innlagt | syk) | i tenårene | i tjueårene | i studietiden | i mange år | "
        "pleide | i fjor | i fjor vinter | den vinteren | den høsten | den perioden | i den perioden | "
        "det året)",
        "sentence",
    ),
    context(
        PAST,
        "bedring",
        "(bedring | frisk | friskere | tilfriskning | overlevde | overlevd | kom meg "
        "gjennom | kommet meg gjennom | fikk hjelp | fått hjelp | glad jeg | takknemlig | er fortsatt her og "
        "| i dag har jeg | nå har jeg | nå går det | i dag går det | det går bedre | har det bedre | ser "
        "tilbake | ikke lenger | ikkje lenger | aldri mer)",
        "sentence",
    ),
    context(
        PAST,
        "fortid",
        "(jeg | eg) ...2 (=var | =hadde | =prøvde | =forsøkte | =ville | =tenkte | =følte | "
        "=brukte | =overlevde | =planla | =kuttet | =tok | =levde | =mistet) ...6 (men | og nå | nå | i dag | "
        "lenger | nå til dags)",
        "sentence",
    ),
    context(
        OTHERS,
        "noen andre",
        "(min | mitt | mi | hans | hennes | deres | vår | en) (venn | venninne | "
        "bror | søster | mor | mamma | far | pappa | sønn | datter | kusine | fetter | onkel | tante | "
        "bestemor | bestefar | mormor | morfar | farmor | farfar | partner | mann | kone | kjæreste | "
        "samboer | kollega | nabo | klassekamerat | pasient | klient | unge | barn | tenåring | niese | "
        "nevø | romkamerat)",
        "clause",
    ),
    context(
        OTHERS,
        "vennen min",
        "(venn | venninne | bror | søster | mor | mamma | far | pappa | sønn | datter "
        "| kusine | fetter | onkel | tante | bestemor | bestefar | partner | mann | kone | kjæreste | samboer "
        "| kollega | nabo) (min | mitt | mi | hans | hennes)",
        "clause",
    ),
    context(
        OTHERS,
        "tredje person",
        "(han | hun | ho | hen | de | dei | =seg | =ham | =henne | =dem | noen | "
        "en person | folk | personer | mennesker | et medlem | hovedpersonen | karakteren) ...4",
        "before",
    ),
    context(
        OTHERS,
        "sorg",
        "(=mistet | =miste | =døde | gikk bort | begravelse* | =sorg | =sørger | minnestund* "
        "| årsdag* | =savner | tok sitt eget liv | tok livet av seg | tok sitt liv | begikk)",
        "sentence",
    ),
    context(
        OTHERS,
        "hjelpe noen",
        "(hvordan | hva) ...3 (hjelpe | støtte | si til | snakke med | svare) ...4 "
        "(noen | en venn | en som | andre | folk | de som)",
        "sentence",
    ),
    context(
        TOPIC,
        "nyheter",
        "(nyhet* | artikkel* | rapport* | studie* | forskning* | forsker* | statistikk* | "
        "tall | tallene | andel | prosent | undersøkelse* | forebygg* | kampanje* | dokumentar* | podkast* | "
        "bok | boka | boken | film* | serie* | episode* | sang* | låt* | roman* | kurs | opplæring | "
        "foredrag | seminar | hjelpetelefon* | kirkens sos | mental helse | førstehjelp | verdensdag* | "
        "aksjon | lov | loven | politikk | risikofaktor* | faresignal* | tegn | overskrift* | journalist* | "
        "media | avis* | nrk | tv | program* | temakveld | markering | uke | veke)",
        "sentence",
    ),
    context(
        TOPIC,
        "kriseplan",
        "(kriseplan* | mestringsplan* | sikkerhetsplan* | planen min | planen | "
        "kriseteam* | kriselapp* | verktøykass*) ...6",
        "sentence",
    ),
    context(
        QUESTION,
        "spørsmål",
        "(hvordan | hva gjør | hva skal | hva bør | hva er | hvor kan | hvor finner "
        "| er det | kan jeg | kan man | bør jeg | burde jeg | skal jeg | må jeg | noen som | har noen | vet "
        "noen | andre som | gjør dere | er det noen | finnes det | hvorfor | hvor ofte | hvor mange | hvor "
        "lenge) ...8",
        "sentence",
    ),
    context(
        HYPOTHETICAL,
        "hvis",
        "(hvis | om | dersom | når jeg får | når tankene | i tilfelle) ...5 (ringer "
        "| ring | kontakter | kontakt | sender | melder | sier fra | snakker | går til | bruker | åpner | "
        "ser på | følger | leser)",
        "sentence",
    ),
    context(
        FIGURE,
        "i hjel",
        "(ler | lo | ledd | kjeder | kjedet | kjeda | fryser | frøs | skammer | skamma | "
        "jobber | jobbet | sulter | svetter | stresser | bekymrer | bekymra | danser | trener) (meg | oss | "
        "seg)? (i hjel | ihjel)",
        "span",
    ),
    context(
        FIGURE,
        "drepende",
        "(=drepende | =dødskjedelig | =dødstrøtt | =dødslei | =dødsfett | =dødskult | "
        "=dødsgodt | =døds | til å dø av | for å dø for | skremt på livet | skremte livet av | livredd | "
        "drittlei | dødsens)",
        "span",
    ),
    context(FIGURE, "kunne drept for", "(kunne | kan | ville) (drept | drepe | dø | dødd) (for | av)", "span"),
    context(
        FIGURE,
        "tar livet av meg",
        "(jobben | sjefen | eksamen | eksamenene | skolen | ungene | barna | "
        "trafikken | heten | varmen | kulda | forkjølelsen | influensaen | ryggen | knærne | føttene | "
        "trappene | treningen | økta | kaffen | denne | dette | den | det | været | køen | køa | naboen | "
        "naboene | lekser | leksene | oppgaven | innleveringen | deadline) ...3 (tar livet av meg | dreper "
        "meg | drepte meg | tok livet av meg | blir min død | er mord | var mord)",
        "span",
    ),
    context(
        FIGURE,
        "drepe tiden",
        "(drepe | drepte | drep) (tiden | tida | tid | en time | lyset | motoren | "
        "stemningen | samtalen | ugresset | plantene | planten | batteriet | edderkoppen | myggen | fluene)",
        "span",
    ),
    context(
        FIGURE,
        "spill",
        "(spill* | gaming | karakter* | boss | nivå* | zombie* | kamp | runde | spiller* | "
        "laget | sims | minecraft | fortnite | film* | bok | roman | serie | episode | batteri* | mobil* | "
        "telefon* | pc* | plante* | bil | bilen)",
        "clause",
    ),
    context(
        FIGURE,
        "lol",
        "(=lol | =haha | =hahaha | =hehe | =xd | =lmao | =spøk | =tuller | =kødder | "
        "bare tuller | bare kødder | på tull | =jk)",
        "clause",
    ),
    context(
        QUOTE,
        "sa til meg",
        "(sa | sier | fortalte | forteller | skrev | skriver | kalte | kaller | hørte | "
        "hører | ba | ber | spurte | kjeftet | ropte | fikk høre | får høre | har hørt | blitt fortalt | "
        "ble fortalt | blir fortalt) (til)? (meg | oss | han | henne | dem | folk | alle | meg at)? ...3 (at | "
        "å | jeg | meg | du | en | for)",
        "before",
    ),
    context(
        QUOTE,
        "sitater",
        "(sitat | sitere | siterer | kommentarer som | ting som | ord som | utsagn som | "
        "setninger som | uttrykk som | uttrykket | ordene | sårende | såret meg | sårer | stigma | "
        "stigmatiserende | ikke si | aldri si | slutt å si | vær så snill ikke | unngå å si | fordommer)",
        "sentence",
    ),
    context(
        SELF_TALK,
        "om meg selv",
        "(jeg er | jeg føler meg | jeg var | jeg har vært | jeg føler meg som | "
        "meg | meg selv | kaller meg selv | sier til meg selv | den indre kritikeren | indre stemme | jeg er "
        "så | jeg er sånn en | jeg er en | føler meg)",
        "before",
    ),
    context(OWN_PLAN, "med legen min", "({lege}) (min | mitt | mi | vår) ...8", "sentence"),
    context(
        OWN_PLAN,
        "sammen med legen",
        "(sammen med | i samråd med | etter avtale med | i samarbeid med | "
        "avtalt med | avtale med | snakket med | plan med | planen med) ...2 ({lege})",
        "sentence",
    ),
    context(
        ADVICE_OK,
        "snakk med legen",
        "(snakk | snakke | spør | spørre | sjekk | sjekke | diskuter | "
        "diskutere | ta det opp | kontakt | kontakte | ring | gå til | avtal) ...2 (med | med din | med "
        "den)? ...2 ({lege})",
        "sentence",
    ),
    context(
        ADVICE_OK,
        "aldri slutt uten",
        "(aldri | ikke | ikkje) ...3 (slutt | slutte | endre | bland | "
        "blande | stopp | stoppe) ...4 (uten | på egen hånd | alene | brått | tvert | plutselig)",
        "sentence",
    ),
)
