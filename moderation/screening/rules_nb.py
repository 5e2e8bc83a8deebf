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
    "neg": "patetisk | lat | bortskjemt | svak | dum | teit | tullet | tull | syting | sytingen | klaging | grining "
    "| drama | dramaet | dramatisk | offer | kjedelig | rar | raring | freak | taper | fake | falsk | løgner | "
    "vits | snøfnugg | sytekopp | latterlig | flaut | irriterende | egoistisk | ubrukelig | verdiløs | "
    "bortkastet | søppel | psyko | gal | idiot | oppmerksomhet | oppmerksomheten | synd | giftig | parasitt | "
    "klovn | fiasko | stygg | feit | byrde | grunnen",
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
    "when": "i kveld | i natt | i helga | i morgen | på fredag | på lørdag | på søndag | på mandag | fredag | "
    "lørdag | søndag | mandag | torsdag | om en time | etter festen | når samboeren | når kona | når mannen | "
    "når hun drar | når han drar | før noen er oppe | morgen tidlig | årsdagen | bursdagen",
    "time": "i kveld | i natt | i dag | nå | nå med en gang | i helga | i morgen | om en time | etter dette | "
    "snart | straks | ved midnatt",
    "people": "alle | alle sammen | familien | familien min | de | barna | barna mine | foreldrene mine | mannen "
    "min | kona mi | kona min | samboeren min | kjæresten min | verden | vennene mine | dere | folk",
    "du": "du | dere | deg | din | di | ditt | dine",
    "meds": "medisin* | tablett* | pille* | antidepress* | antipsyk* | stemningsstab* | psykofarmak* | "
    "sovepille* | sovetablett* | depottablett* | benzo* | litium* | quetiapin* | lykkepille* | vival | "
    "sobril | valium | seroquel | zyprexa | abilify | lamictal | risperdal | cipralex | "
    "medisiner | medisinene | medisin | medikamenter | pillene | piller | tabletter | tablettene | "
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
        "(håper | ønsker | ber om | ber | vil) ...3 (ikke | aldri) ...2 (våkne | våkner | våkna | våkner opp)",
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
        "leve | livet | å være til | å eksistere | å puste | alt sammen | dette livet | å finnes | å være meg)",
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
        "(gjøre | gjør | få) (jeg | eg)? (slutt | ende) (på | med) ...2 (alt | "
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
        "vogntog | fjellvegg | tre | stup | møtende | veien | vegg | veggen | en vegg | betongvegg | autovernet | "
        "autovern)",
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
        "ut med deg | pell deg | =forsvinn | dra dit pepperen gror)",
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
    # --- Lagt til fra utviklingskorpuset: slik medlemmer faktisk skriver ------------------------------
    rule("wish_dead", "ønske seg død", "(ønske | ønsker | ønskje | ønskjer | ønsket) (seg | meg) død"),
    rule(
        "wish_dead",
        "ikke finnes",
        "(ikke | ikkje | aldri) (finnes | fantes | fins | eksistere | eksisterte | "
        "levde | lever | var her | er her) ...2 (lenger | mer | meir)?",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "ikke våkne igjen",
        "(aldri | ikke | ikkje) (stå opp | våkne | vakne | våkner | vaknar) "
        "(igjen | att | opp igjen | imorra | i morgen)?",
        without={NEGATION},
    ),
    rule("wish_dead", "slippe å våkne", "slippe (å )? (våkne | vakne | leve | være til | eksistere | finnes)"),
    rule(
        "wish_dead",
        "sovne og aldri",
        "(sovne | sove | legge meg | legg meg) ...3 (aldri | ikke | ikkje) ...2 (våkne | vakne | stå opp)",
        without={NEGATION},
    ),
    rule("wish_dead", "heller død", "(heller | hellre | hellere) (død | dø | daud)"),
    rule(
        "wish_dead",
        "ut av livet",
        "(vil | ønsker | lyst) ...2 (ut av (dette )? livet | ut herfra for godt | bort fra alt)",
    ),
    rule(
        "wish_dead",
        "halde fram å leve",
        "(hvorfor | kvifor | koffor | vits* | poeng* | grunn) ...4 (fortsette | "
        "halde fram | holde fram | leve | å leve | være her | fortsatt er her | orke)",
    ),
    rule(
        "wish_dead",
        "vil ikke ha en bursdag til",
        "(vil ikke | ikke ha | orker ikke) ...3 (en | ei | et) ...2 (bursdag | jul | sommer | år | dag) til",
        without={NEGATION},
    ),
    rule("wish_dead", "heller ikke livet", "(heller ikke | ikke engang | inkludert) livet", without={NEGATION}),
    rule(
        "wish_dead",
        "ingen grunn",
        "(ingen | ikke noen) grunn ...3 (å leve | til å leve | lenger | til å fortsette)?",
        without={NEGATION},
        weak=True,
    ),
    rule(
        "wish_dead",
        "vil ikke mer",
        "(vil | orker | klarer) (ikke | ikkje | itj) (mer | meir | lenger)",
        without={NEGATION},
        weak=True,
    ),
    rule(
        "suicidal_thoughts",
        "selvmord i hodet",
        "(selvmord | selvmordet | sjølmord | sjølvmord) ...4 (hodet | "
        "tenke på | tænkje | tenkje | tenker | alternativ | tankene | e det einaste | er det eneste)",
    ),
    rule(
        "suicidal_thoughts",
        "selvmordet mitt",
        "(selvmordet | selvmord) (mitt)? ...2 (planlagt | planlegger | dato | planen)",
    ),
    rule("suicidal_thoughts", "planlagt selvmordet", "(planlagt | planlegger | planla) ...2 (selvmord | selvmordet)"),
    rule(
        "suicidal_thoughts",
        "selvmordstanker",
        "(selvmords tanker | selvmordstank* | sjølvmordstankane | s lvmordstanker | sewerslide*)",
        weak=True,
    ),
    rule(
        "suicidal_thoughts",
        "for godt",
        "(logger av | logge av | drar | forsvinner | går | gå | borte | slutt) for godt",
    ),
    rule(
        "suicidal_thoughts",
        "kommer ikke tilbake",
        "(kommer | kjem) (ikke | ikkje | aldri) tilbake ...3 (denne gangen | igjen)?",
        without={NEGATION},
    ),
    rule(
        "suicidal_thoughts",
        "gjøre det",
        "(jeg skal | eg skal | æ ska | er det da jeg | da jeg | når jeg | før jeg "
        "| planen er å | jeg kommer til å | skal jeg | bare gjør | til å) ...2 (gjøre det | gjøre det slutt | "
        "gjer det | gjennomføre det | gjennomføre)",
        weak=True,
    ),
    rule("suicidal_thoughts", "utveien", "(eneste | einaste | siste) (utvei | utveien | løsning | løsningen)"),
    rule(
        "suicidal_thoughts",
        "ikke være her etter",
        "(ikke | ikkje) (er | være) (det | her) ...2 (etter | lenger)",
        without={NEGATION},
        weak=True,
    ),
    rule(
        "suicidal_thoughts",
        "ikke et problem etter",
        "(ikke | ikkje) ...3 (et problem | en byrde | til bry) ...3 (etter | lenger)",
        without={NEGATION},
    ),
    rule(
        "suicidal_thoughts",
        "fjerne meg selv",
        "(fjerne | fjerner | slette | sletter) (meg selv | meg) ...2 (for godt)?",
    ),
    rule(
        "suicidal_thoughts",
        "klar til å gå",
        "(klar til å gå | klar for å gå | forsont meg med avgjørelsen | avgjørelsen er tatt | ferdig bestemt)",
    ),
    rule("intent", "bestemt", "(bestemt | bestemt meg | avgjort) ...4 (hvordan | når | hvor | siste | dette er)"),
    rule("intent", "siste dag", "(min | mitt | mi) siste (dag | uke | natt | kveld | innlegg | melding)"),
    rule(
        "intent",
        "etter i natt",
        "(etter | fra) (i natt | i kveld | i morgen | i dag) ...4 (høre | hører | "
        "høyrer | spiller | noen rolle | mer fra meg | meir frå meg | finnes | være)",
        without={NEGATION},
    ),
    rule("intent", "ingen snakker meg fra", "(snakke meg fra | snakke meg ut av | stoppe meg)"),
    rule(
        "method_plan",
        "planen er",
        "(planen | plana) (min | mi)? (er | e | var) ...6 (å | på | i | brua | pillene | sjøen)",
    ),
    rule("method_plan", "plan og dato", "(en | ei) (plan | metode) og (en | ei) (dato | tid | plass)"),
    rule("method_plan", "har en plan", "(jeg har | har) (en | ei) (plan | dato)"),
    rule("method_plan", "satt en dato", "(satt | valgt | bestemt) (en | ei)? (dato | dag)"),
    rule("method_plan", "midler og tid", "{means} ...6 {when}", weak=True),
    rule("method_plan", "tid og midler", "{when} ...6 {means}", weak=True),
    rule(
        "method_plan",
        "hvilken bro",
        "(hvilken | hvilket) ...2 (bro | bru | parkeringshus | tak | bygning | stup) "
        "...6 (hoppe | hopper | sett ned | skal)",
    ),
    rule("method_plan", "høyt nok", "(høyt | høy) nok"),
    rule("method_plan", "hoppe fra", "(hoppe | hopper) (fra | ut fra | utfor | ned fra)"),
    rule(
        "method_plan",
        "kjøre utfor",
        "(kjøre | kjører | kjøyre | gå | går) (utfor | i fjellveggen | inn i "
        "fjellveggen | ut i sjøen | ut i vannet | i sjøen | foran toget | ut i havet)",
    ),
    rule(
        "method_plan",
        "ser på pillene",
        "(ser på | talt | teller | telt | talte | har klare | ligger klare | "
        "ligger klar) ...3 (pillene | tablettene | kniven | tauet | dem)",
    ),
    rule(
        "method_plan",
        "pillene ligger klare",
        "(pillene | tablettene | kniven | tauet | løkka) ...2 (ligger | står | er) (klare | klar | framme | fremme)",
    ),
    rule(
        "method_plan",
        "annerledes på sporet",
        "annerledes på (jernbanesporet | togskinnene | skinnene | sporet | brua | broen)",
    ),
    rule(
        "method_plan",
        "når togene går",
        "(vet | veit) når (godstogene | togene | toget | godstoget) (går | kommer | passerer)",
    ),
    rule(
        "method_plan",
        "vet hvilken bro",
        "(vet | veit) (hvilken | hvilket | kva for) (bro | bru | parkeringshus | tak | stup | bygning)",
    ),
    rule("self_harm", "bli betent", "(vil | håper | ønsker) ...3 (bli betent | blir betent | bli infisert)"),
    rule(
        "method_plan",
        "jernbanesporet",
        "(jernbanesporet | togskinnene | skinnene | sporet) ...6 (når | går | annerledes | venter)",
    ),
    rule("method_plan", "redd for hva jeg gjør", "redd for hva (jeg | eg) (gjør | kan gjøre | kommer til å gjøre)"),
    rule(
        "method_plan",
        "samlet på",
        "(samlet | samla | samler | sparer | spart | hamstret) på ...4 (piller | "
        "pilla | pillene | tabletter | tablettene | sovetablettene | sovepillene | medisinene | {pills})",
    ),
    rule("method_plan", "nok til når", "(nok | har nok) ...3 (til når | når jeg | til å)"),
    rule("method_plan", "ser ut som en ulykke", "ser ut som (en )? ulykke"),
    rule(
        "preparatory",
        "brev til",
        "(skrevet | skreve | skrev | lagt igjen | lagt inn) ...3 (brev | brevet | "
        "brevene | avskjedsmeldinger | meldinger | s lvm rdsbrevet) ...4 (til | te | i skuffen | i veska | "
        "sendes)?",
    ),
    rule("preparatory", "selvmordsbrev", "(selvmordsbrev* | s lvm rdsbrev* | avskjedsbrev* | avskjedsmelding*)"),
    rule("preparatory", "for alltid", "(at det er | det er | blir) for alltid"),
    rule("preparatory", "liste over hvem", "(liste | oversikt) over hvem som (skal | får) (få | ha | arve)"),
    rule(
        "preparatory",
        "passordene",
        "(la | lagt | leverte | levert) ...2 (passordene | passord | nøkler | nøklene) | (passordene | passord | "
        "nøklene) ...4 (la | lagt) (dem)? igjen",
    ),
    rule(
        "preparatory",
        "rydde opp etter meg",
        "(rydde | rydder | ryddet) (opp)? ...3 (etter meg | før jeg går | løse tråder)",
        without={NEGATION},
    ),
    rule("preparatory", "begravelsen min", "(begravelsen min | min begravelse | ønsker for begravelsen)"),
    rule("preparatory", "huske meg", "(huske | husk) meg"),
    rule("preparatory", "farvel", "(tror dette er | dette er | dette blir) (farvel | adjø)"),
    rule("preparatory", "takk for meg", "takk for meg"),
    rule(
        "preparatory", "unnskyld alle", "(beklager | unnskyld | sorry) (alle | alle sammen | folkens | dere)", weak=True
    ),
    rule(
        "preparatory",
        "avlyste timene",
        "(avlyste | avlyst | sa opp | slettet | slettet alle) ...3 (timene | "
        "timer | sosiale medier | kontoene) ...4 (trenger | ikke | sendes)?",
        weak=True,
    ),
    rule(
        "act_under_way",
        "tok alle",
        "(tok | tatt | svelget | svelga | slukte) ...2 (alle | alt | hele | halve | "
        "resten | en neve | en håndfull | månedsdosen | dem alle)",
        imminent=True,
    ),
    rule("act_under_way", "tar resten", "(tar | tek) resten", imminent=True),
    rule(
        "act_under_way",
        "begynt å ta dem",
        "(begynt | begynner | starta | startet) (å )? (ta | svelge) (dem | de | pillene | tablettene)",
        imminent=True,
    ),
    rule(
        "act_under_way",
        "pillene virker",
        "(pillene | tablettene | medisinen) ...2 (begynner å virke | virker | kicker inn)",
        imminent=True,
    ),
    rule(
        "act_under_way",
        "står ytterst",
        "(står | sitter | er) ...2 (ytterst | ytst | på kanten | ute i vannet | "
        "ute i sjøen | på togskinnene | på brua | på taket | ved vinduet)",
        imminent=True,
    ),
    rule(
        "act_under_way",
        "går mot brua",
        "(går | gå | på vei) (mot | til) (brua | broen | bru | kaia | sjøen | stupet | toget | skinnene)",
        imminent=True,
    ),
    rule(
        "act_under_way",
        "på brua",
        "(på | ved) (brua | broen | kaia | stupkanten | kanten) ...4 (nå | no | unnskyld | venter | ser ned)",
        imminent=True,
    ),
    rule(
        "act_under_way",
        "kniven i hånda",
        "(kniven | bladet | pillene | tauet) i (hånda | hånden | handa)",
        imminent=True,
    ),
    rule("self_harm", "ss-trangen", "(ss trangen | ss trang | =ss | selvskadingsprekk | selvskadesprekk | sh trang)"),
    rule("self_harm", "selvskading", "(selvskading* | selvskader)", weak=True),
    rule(
        "self_harm",
        "til det blødde",
        "(klorte | klorer | beit | biter | slo | slår | skar | kuttet | brant | "
        "rispet) ...4 (til det | til de | til knokene | blødde | blør | med vilje | gjør vondt)",
    ),
    rule("self_harm", "med vilje", "(med vilje | fortjente det | fortjener det | for å kjenne noe | gjør vondt nok)"),
    rule(
        "self_harm",
        "slår hodet",
        "(slår | slo | dunker | dunket) (hodet | meg | knyttneven) (i | mot) (veggen | døra | gulvet)",
    ),
    rule("self_harm", "sårene betent", "(sårene | kuttene | brannsårene) ...6 (betent | betente | stelle)"),
    rule(
        "self_harm",
        "kutte igjen",
        "(kuttet | kutta | skadet | skada | brant | skar) (meg)? (igjen | i går | i natt | i kveld)",
        weak=True,
    ),
    rule(
        "burdensomeness",
        "hadde vært lykkeligere",
        "(hadde | ville) ...2 (vært | hatt det | fått det | blitt) "
        "...2 (lykkeligere | lettet | bedre | gladere | fint | lettere) ...3 (om | hvis | når) (jeg | æ | eg) "
        "...2 (ikke | ikkje | itj)? ...2 (var | va | er | fantes) ...2 (her | borte | død)?",
    ),
    rule(
        "burdensomeness",
        "livet sitt tilbake",
        "(livet sitt | livet hennes | livet hans) tilbake ...4 (om | hvis) (jeg | æ | eg) ...2 (var | va) borte",
    ),
    rule(
        "burdensomeness",
        "det beste jeg kan gi",
        "(det beste | det eneste) ...6 (ikke finnes | ikke å finnes | være borte | forsvinne)",
    ),
    rule(
        "burdensomeness",
        "tar bare opp plass",
        "(tar bare opp plass | tar opp plass | for mye jobb for alle | "
        "klarer seg fint når jeg er borte | bare til bry)",
    ),
    rule(
        "thwarted_belonging",
        "ingen hadde merket",
        "(ingen | ingen ville) ...2 (merket | merke | savnet | "
        "savne | brydd seg | bryr seg) ...4 (om jeg | hvis jeg | om eg) ...2 (døde | var borte | lever eller "
        "er død | forsvant)",
        without={NEGATION},
    ),
    rule("thwarted_belonging", "hvorfor ikke død", "hvorfor ikke (død | dø)"),
    rule(
        "command_hallucination",
        "stemme sier drep deg",
        "(stemme | stemmen | stemmene | de) ...6 (sier | sa | "
        "ber | hører | roper) ...4 (drep deg | ta alle pillene | ta pillene | dø | skade meg | hoppe | jeg skal "
        "ta)",
    ),
    rule("command_hallucination", "drep deg drep deg", "drep deg drep deg"),
    # --- Fiendtlig og helseråd, lagt til fra utviklingskorpuset ------------------------------------------
    rule(
        "incitement",
        "gjør det da",
        "(gjør | gjer | bare gjør | berre gjer) det (for en gangs skyld | da | då | nå | no | allerede)",
        without={SELF_TALK},
    ),
    rule("incitement", "slutt å snakke om det", "slutt å (snakke | prate | skrive | mase) om det"),
    rule(
        "incitement",
        "ingen savner deg",
        "(ingen | ingen kommer til å | ingen kjem til å | ingen vil) ...2 (savne "
        "| sakne | savnet | merke) (deg | dykk | dere)",
    ),
    rule("incitement", "kutt dypere", "(kutt | skjær | skjær deg) (dypere | djupare | ordentlig)"),
    rule("incitement", "bevis det", "(bevis det | gjør alvor av det | kom igjen da | du tør ikke)"),
    rule("incitement", "drikk klorin", "(drikk | drikke | drekk) (klorin | blekemiddel | gift | salmiakk)"),
    rule(
        "incitement",
        "hvis du virkelig ville dø",
        "(hvis | om) (du | dere) (virkelig | verkeleg)? (ville | vil) (dø | døy | ta livet)",
        without={OTHERS},
    ),
    rule(
        "exclusion",
        "utestenge",
        "(utestenge | kaste ut | blokkere | bannlyse) (denne | den | han | henne | "
        "vedkommende)? ...2 (sytepave* | sytekopp* | personen | brukeren)?",
    ),
    rule("invalidation", "sytepave", "(sytepave* | sytekopp* | stakkarshistorie* | offerrolle* | oppmerksomhetssjuk*)"),
    rule(
        "exclusion",
        "finn deg en annen plass",
        "(finn | finne) (deg)? (en | ein | et | eit) (annen | annan | "
        "anna | annet) (plass | stad | sted | forum | sted å være) | (lei | drittlei) av deg",
    ),
    rule(
        "invalidation",
        "elsker oppmerksomheten",
        "(elsker | digger | vil ha | lever for) (all )? (oppmerksomheten | oppmerksomhet | merksemda | sympatien)",
    ),
    rule(
        "insult",
        "for en taper",
        "(for en | for ein | for et | din | di | ditt) ...2 (taper | tufs | idiot | "
        "dust | tulling | nek | klovn | kødd | fjols | tosk | sytepave | patetisk)",
    ),
    rule(
        "insult",
        "dumme kjerring",
        "(dumme | jævla | teite | idiotiske | forbanna | helvetes) (kjerring | kuk | "
        "fitte | idiot | tosk | fjols | hore | jævel | taper | dust | tufs | menneske | folk)",
    ),
    rule(
        "insult",
        "du er bortkastet",
        "(du | dere) (er | e | eir) ...3 (bortkastet | bortkasta | tufs | skikkeleg "
        "tufs | taper | dust | idiot | patetisk | ynkelig | latterlig | ubrukelig | verdiløs | ein tufs)",
    ),
    rule(
        "invalidation",
        "stakkars deg",
        "(stakkars deg | stakkars liten | huff da stakkars | gråt meg en elv | grin meg en elv | å nei stakkars)",
    ),
    rule(
        "insult",
        "patetisk unnskyldning",
        "(patetisk | ynkelig | elendig) (unnskyldning | eksemplar | orsaking) for (et | en | eit) (menneske | person)",
    ),
    rule(
        "invalidation",
        "klager her",
        "(klage | klager | syte | syter | sutre | sutrer | grine | griner) (her | "
        "hele tida | heile tida | om alt | på forumet)",
    ),
    rule("invalidation", "det er patetisk", "(det er | så | er så | det e) (patetisk | ynkelig | latterlig | flaut)"),
    rule(
        "exclusion",
        "slett kontoen",
        "(slett | sletta | slette) (kontoen | brukeren) (din)? | gjør oss alle en tjeneste",
    ),
    rule("exclusion", "kryp tilbake", "(kryp | krabb | gå) tilbake (under | til) (steinen | hola | der)"),
    rule(
        "exclusion", "ta hintet", "(ta hintet | hvorfor skriver du fortsatt | ingen spurte deg | ingen gidder å lese)"
    ),
    rule(
        "stop_medication",
        "ikke hør på legen",
        "(ikke | ikkje | aldri) (hør | høyr | lytt) (på | til) ...2 ({lege})",
        without={NEGATION},
    ),
    rule(
        "stop_medication",
        "du kan slutte",
        "(du kan | du kan bare | bare) (slutte | slutt | kutte | droppe) ...4 (når du | selv | sjøl | uten)",
    ),
    rule(
        "dose_change",
        "ikke virker bare ta",
        "(ikke virker | virker ikke | ikkje verkar | verkar ikkje | hjelper "
        "ikke) ...3 (bare | berre)? (ta | øk | doble | auk)",
        without={NEGATION},
    ),
    rule(
        "combine",
        "alternativ sammen med",
        "({alternative}) ...2 (sammen med | med | og | oppå | i tillegg til) ...2 ({meds})",
    ),
    rule(
        "combine",
        "kombiner medisiner",
        "(kombiner | kombinere | bland | blande) ...3 ({meds}) ...2 (med | og) ...2 ({meds} | {booze})",
    ),
    rule("combine", "øl til medisinen", "({booze}) ...4 (til | på | med | oppå | sammen med) ...2 ({meds})"),
    rule(
        "combine",
        "røyk hasj med",
        "(røyk | røyke | drikk | drikke | ta) ...3 ({booze}) ...3 (sammen med | med | på | oppå) ...2 ({meds})",
    ),
    rule("combine", "drikke så mye du vil på", "(drikke | drikk) ...5 (på | med) ({meds})"),
    rule("dose_change", "knus tablettene", "(knus | knuse | del | dele | tygg | tygge) ...2 ({meds})"),
    rule(
        "dose_change",
        "tre i stedet for en",
        "(tar | ta | tek) (to | tre | fire | flere | dobbelt | ekstra) "
        "...2 ({meds})? ...2 (i stedet for | istedenfor | heller enn)",
    ),
    rule(
        "stop_medication",
        "avlys timene",
        "(avlys | avlyse | dropp | droppe | skipp | hopp over) ...2 (timene | "
        "timen | avtalene | kontrollene | blodprøvene | blodprøven) ...2 (hos)?",
    ),
    rule(
        "stop_medication",
        "trenger ikke legen",
        "(du | dere) (trenger | treng) (ikke | ikkje | itj) ...2 "
        "({lege} | behandlerne | behandleren | behandlingen | behandling)",
        without={NEGATION},
    ),
    rule(
        "replace",
        "lån sovepiller",
        "(lån | låne | ta | spør) ...4 (mammas | pappas | vennens | venninnas | "
        "andres | søsterens | søsteren din | broren din | mora di | restene | rester | noen av) ...3 ({meds})",
    ),
    rule("replace", "til overs", "({meds}) (til overs | i overskudd) | (så får du | så kan du få) (noen | litt)"),
    rule(
        "replace",
        "detox",
        "(detox | avgiftning | rensekur) ...6 (skyller ut | trenger du den aldri | i stedet | istedenfor | medisin*)",
    ),
    rule("stop_medication", "bare slutt", "(ingen trenger å trappe ned | bare slutt | slutt brått | trapp ikke ned)"),
    rule(
        "stop_medication",
        "dropp dem noen uker",
        "(dropp | kutt | slutt med | stopp) (dem | de | dei | den) ...3 "
        "(noen uker | en stund | ei stund | til du | før ferien)",
    ),
    rule(
        "wish_dead",
        "alt skal ta slutt",
        "(vil | ønsker | lyst | lengter) ...3 (alt | livet | det hele | alt sammen) "
        "...2 (ta slutt | tar slutt | være over | er over | slutte | ende)",
    ),
    rule(
        "self_harm",
        "brente meg",
        "(brente | brent | svidde | risset | rispa | skjært | kutta | skadd | slått) (meg | "
        "meg selv | armen | armene | håndleddet | lårene)",
    ),
    rule(
        "wish_dead",
        "ingen vei ut",
        "(ingen | eneste) (vei | utvei) ut ...4 (enn | bortsett fra | uten)? ...2 (døden | å dø | selvmord)?",
        without={NEGATION},
    ),
    rule(
        "invalidation",
        "ute etter oppmerksomhet",
        "(ute etter | bare for | for å få | for) (oppmerksomhet | oppmerksomheten | sympati | likes | merksemd)",
    ),
    rule("insult", "sløsing med plass", "(sløsing med | bortkastet | bortkasta) (plass | luft | oksygen | tid)"),
    rule(
        "stop_medication",
        "glem medisinene",
        "(glem | drit i | dropp | hopp over | skipp) (medisinene | "
        "medisinen | pillene | tablettene | {meds}) ...4 (bare | heller | i stedet)?",
    ),
    rule(
        "wish_dead",
        "fortjener ikke å leve",
        "(ikke | ikkje) (fortjener | fortener | fortjente) (å leve | å være her | å være i live | å finnes | livet)",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "ingen framtid",
        "(ser | har | finnes) (ingen | ikke noen | ikkje noka) (framtid | fremtid | "
        "vei videre) ...4 (vil ikke | for meg | lenger)?",
        without={NEGATION},
        weak=True,
    ),
    rule("wish_dead", "bli svart", "(vil | ønsker | lyst) ...4 (skal bli svart | blir svart | bli mørkt for alltid)"),
    rule(
        "method_plan",
        "stirrer på pillene",
        "(stirrer | stirra | glor) (på)? ...3 (pilleglasset | "
        "pilleboksen | pillene | tablettene | kniven | tauet | det | dem) ...6 (hele tiden | nattbordet | igjen | "
        "klar)?",
    ),
    rule(
        "method_plan",
        "pilleglasset står",
        "(pilleglasset | pilleboksen | glasset med piller | esken med "
        "tabletter) ...6 (står | ligger | stirrer | klar | nattbordet)",
    ),
    rule(
        "preparatory",
        "brev til etterpå",
        "(brev | brevet | brevene | melding | video) ...10 (til etterpå | "
        "etterpå | når jeg er borte | etter at jeg er borte)",
    ),
    rule(
        "preparatory",
        "trenger dem ikke mer",
        "(ga | gitt | gir | gi) ...10 (trenger (dem | det | den) (ikke | ikkje) (mer | lenger | meir))",
        without={NEGATION},
    ),
    rule(
        "method_plan",
        "gå foran toget",
        "(gå | hoppe | kaste meg | legge meg) ...3 (foran | under | ut foran) ...3 "
        "(toget | neste tog | et tog | bussen | trikken | lastebilen | skinnene)",
    ),
    rule(
        "method_plan",
        "hvor mange som skal til",
        "(hvor mange | hvor mye) ...4 (som skal til | skal til | trengs | må til)",
    ),
    rule("insult", "du og nedsettende", "(=du | =dere | =deg | =din | =dine | =ditt) ...4 ({neg})", weak=True),
    rule("insult", "nedsettende om deg", "({neg}) ...3 (=du | =deg | =din | =dine | =ditt)", weak=True),
    rule(
        "invalidation",
        "nå begynner hun igjen",
        "(nå begynner (hun | han | du | de) igjen | typisk | se for deg å trenge) ...6",
        weak=True,
    ),
    rule(
        "invalidation",
        "griner etter likes",
        "(griner | tigger | fisker | maser | skriker) (etter | om) (likes | "
        "oppmerksomhet | sympati | medlidenhet | klemmer)",
    ),
    rule(
        "exclusion",
        "lei av deg",
        "(lei av | drittlei av | har fått nok av) ...2 (deg | dere | sytingen din | "
        "klagingen din | tullet ditt) | gi deg nå | ingen gidder å lese",
    ),
    rule(
        "invalidation",
        "elsker dramaet",
        "(elsker | digger | lever for) (dramaet | drama | oppmerksomheten | sympatien)",
    ),
    rule(
        "incitement",
        "hadde du vært borte",
        "(hvis | om) det var så ille ...4 (hadde du | ville du) ...2 (vært "
        "borte | vært død | gjort det) ...2 (allerede | for lengst)?",
    ),
    rule("incitement", "hopp da", "(hopp | gjør det | dø) (da | då) ...4 (se | får vi se | bryr seg)?"),
    rule(
        "stop_medication",
        "kom deg av det",
        "(kom deg av | slutt med | kutt ut | dropp) (det | dem | de | den) ...3 "
        "(så fort som mulig | med en gang | nå | i dag | straks)",
    ),
    rule(
        "stop_medication",
        "medisiner skader",
        "({meds}) ...3 (ødelegger | skader | råtner | forgifter | dreper) "
        "...2 (nyrene | hjernen | kroppen | deg | leveren)",
    ),
    rule(
        "stop_medication",
        "psykiateren er en langer",
        "({lege}) (din | di | ditt)? (er | e) ...2 (langer | pusher | "
        "dealer | betalt av | løgner | løgnere | kunnskapsløs | ubrukelig) | ikke hør på (dem | han | henne | "
        "legen | psykiateren)",
    ),
    rule(
        "stop_medication",
        "nedtrapping er svindel",
        "(nedtrapping | nedtrappinga | trappe ned) (er | e) ...2 "
        "(svindel | tull | bortkastet | unødvendig | for pyser)",
    ),
    rule(
        "dose_change",
        "halver",
        "(halver | halvere | doble | dobbel | dobbelt opp med | del | knus) (dosen | den | "
        "dem)? ...2 ({meds} | seroquelen | litiumen | sovemedisinen | sovemedisin)",
    ),
    rule("combine", "tar brodden av", "({booze}) ...4 (tar brodden av | hjelper | funker | går fint) ...4 ({meds})"),
    rule(
        "replace",
        "trenger ikke medisiner når",
        "(trenger | treng) (ikke | ikkje) ({meds}) ...3 (når | hvis | etter "
        "at) ...4 (fikset | detox | rens | spiser | trener | helbredet)?",
        without={NEGATION},
    ),
    rule(
        "replace",
        "fra en venn i stedet",
        "(fra | av) (en | ein | din) (venn | kompis | langer) ...4 (i stedet | istedenfor | heller enn)",
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
        "(den gangen | på den tiden | før i tiden | i ungdommen | som "
        "tenåring | som ungdom | da jeg var (ung | yngre | tenåring | liten | barn | på ungdomsskolen | "
        "på videregående | student | innlagt | syk | på mitt verste | som sykest) | i tenårene | i tjueårene "
        "| i studietiden | pleide | i fjor vinter | den vinteren | den høsten | den perioden | i den perioden "
        "| det året | på mitt verste | på det verste | da det var som verst | da jeg var som sykest)",
        "sentence",
    ),
    context(
        PAST,
        "bedring",
        "(bedring | tilfriskning | overlevde | overlevd | kom meg gjennom | kommet meg gjennom | fikk hjelp | "
        "fått hjelp | glad jeg | takknemlig | er fortsatt her og | ser tilbake | det går an | det blir bedre | "
        "det ble bedre | dager siden sist | dager siden | måneder siden sist | år siden sist | "
        "erfaringskonsulent | det stemte ikke for meg | har det mykje betre | har det mye bedre | "
        "har det bedre nå | har det betre no)",
        "sentence",
    ),
    context(
        PAST,
        "fortid",
        "(jeg | eg) ...2 (=var | =hadde | =prøvde | =forsøkte | =ville | =tenkte | =følte | "
        "=brukte | =overlevde | =planla) ...8 (men nå | men i dag | nå til dags | og nå har jeg det (bra | "
        "bedre | fint | godt))",
        "sentence",
    ),
    context(
        OTHERS,
        "noen andre",
        "(min | mitt | mi | hans | hennes | deres | vår | en) (venn | venninne | "
        "bror | søster | mor | mamma | far | pappa | sønn | datter | kusine | fetter | onkel | tante | "
        "bestemor | bestefar | mormor | morfar | farmor | farfar | partner | mann | kone | kjæreste | "
        "samboer | kollega | nabo | klassekamerat | pasient | klient | unge | barn | tenåring | niese | "
        "nevø | romkamerat | naboen) ...2 (=sier | =sa | =er | =var | =vil | =ville | =prøvde | =døde | =tok "
        "| =fortalte | =tenker | =føler | =snakker | =skrev | =har | =hadde)",
        "before",
    ),
    context(
        OTHERS,
        "vennen min",
        "(venn | venninne | bror | broren | søster | søstera | søsteren | mor | mamma | far | pappa | sønn | "
        "datter | kusine | fetter | onkel | tante | bestemor | bestefar | partner | mann | mannen | kone | "
        "kona | kjæreste | kjæresten | samboer | samboeren | kollega | nabo | naboen) (min | mitt | mi | hans "
        "| hennes)? ...2 (=sier | =sa | =er | =var | =vil | =ville | =prøvde | =døde | =tok | =fortalte | "
        "=tenker | =snakker)",
        "before",
    ),
    context(
        OTHERS,
        "tredje person",
        "(=han | =hun | =ho | =hen | =noen | en person | =folk | et medlem | hovedpersonen | karakteren | =du "
        "| =dere) ...3",
        "before",
    ),
    context(
        OTHERS,
        "sorg",
        "(=han | =hun | =ho | venn | bror | søster | mor | far | mamma | pappa | sønn | datter | onkel | "
        "tante | bestemor | bestefar | mann | kone | nabo | naboen | kollega) ...4 (=døde | =tok | =mistet | "
        "=begikk | gikk bort) | (hans begravelse | hennes begravelse | minnestund* | =sorg | =sørger | tok "
        "sitt eget liv | tok livet av seg | tok sitt liv | døde i selvmord | mistet (min | mitt | mi | en) "
        "...2 (venn | bror | søster | mor | far | sønn | datter | mann | kone | kollega))",
        "sentence",
    ),
    context(
        PAST,
        "følt det samme",
        "(følt | kjent | vært) ...3 (det samme | sånn | slik | der) (også | selv | før) | (har også | også) "
        "(følt | kjent på | tenkt)",
        "sentence",
    ),
    context(
        OTHERS,
        "reise",
        "(skal til | uten dekning | uten nett | hyttetur | reiser | offline)",
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
        "prosent | undersøkelse* | forebygg* | kampanje* | dokumentar* | podkast* | "
        "kurset om | handler om | leste at | har økt | opplæring | foredrag | seminar | hjelpetelefon* | kirkens sos | førstehjelp | verdensdag* | "
        "risikofaktor* | faresignal* | overskrift* | journalist* | avis* | nrk | temakveld | ifølge)",
        "sentence",
    ),
    context(
        TOPIC,
        "kriseplan",
        "(kriseplan* | mestringsplan* | sikkerhetsplan* | kriseteam* | kriselapp* | verktøykass*) ...6",
        "sentence",
    ),
    context(
        QUESTION,
        "spørsmål",
        "(hvordan | hva gjør | hva skal | hva bør | hva er | hvor kan | hvor finner "
        "| kan jeg | kan man | bør jeg | burde jeg | må jeg | noen som | har noen | vet "
        "noen | andre som | gjør dere | er det noen | finnes det | hvor ofte) ...8",
        "sentence",
    ),
    context(
        HYPOTHETICAL,
        "hvis",
        "(hvis | om | dersom | når du | når jeg får | når tankene | i tilfelle) ...10 (ringer "
        "| ring | kontakter | kontakt | sender | melder | sier fra | si fra | snakker | snakk | går til | "
        "bruker | åpner | ser på | følger | leser | fortell)",
        "sentence",
    ),
    context(
        FIGURE,
        "i hjel",
        "(ler | lo | ledd | kjeder | kjedet | kjeda | fryser | frøs | skammer | skamma | "
        "jobber | jobbet | sulter | svetter | stresser | bekymrer | bekymra | danser | trener | døyr | dør | "
        "døde) (meg | oss | seg)? (i hjel | ihjel | av latter | av skam | av kjedsomhet)",
        "span",
    ),
    context(
        FIGURE,
        "drepende",
        "(=drepende | =dødskjedelig | =dødstrøtt | =dødslei | =dødsfett | =dødskult | "
        "=dødsgodt | =døds | til å dø av | for å dø for | skremt på livet | skremte livet av | livredd | "
        "drittlei | dødsens | ta knekken på | tok knekken på | tar knekken på)",
        "span",
    ),
    context(FIGURE, "kunne drept for", "(kunne | kan | ville) (drept | drepe | dø | dødd) (for | av)", "span"),
    context(
        FIGURE,
        "tar livet av meg",
        "(mamma | pappa | mor | far | kona | mannen | samboeren | jobben | sjefen | eksamen | eksamenene | skolen | ungene | barna | "
        "trafikken | heten | varmen | kulda | forkjølelsen | influensaen | ryggen | knærne | føttene | "
        "trappene | treningen | økta | kaffen | denne | dette | den | det | været | køen | køa | naboen | "
        "naboene | lekser | leksene | oppgaven | innleveringen | deadline | tannverken | hodepina | "
        "hodepinen | migrenen | halsen | magen) ...3 (tar livet av meg | dreper "
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
        "(spill* | gaming | =karakteren | =boss | =bossen | nivå* | zombie* | spiller* | "
        "sims | minecraft | fortnite | film* | =boka | =boken | roman | =serien | episode | batteri* | "
        "telefon* | plante* | skurk* | =sjakk)",
        "clause",
    ),
    context(
        SELF_TALK,
        "tar en pause",
        "(tar en pause | en stund | ei stund | fokusere på meg selv | snakkes snart | "
        "er tilbake | kommer tilbake snart)",
        "sentence",
    ),
    context(
        SELF_TALK,
        "noen som ikke er her",
        "(venninna | venninnen | søstera | søsteren | broren | mora | moren | faren | sjefen | kollegaen | mannen | "
        "kona | katten | hunden | naboen | sønnen | datteren) (mi | min | mitt)? (er | var | kan være) (så | en | et)?",
        "before",
    ),
    context(
        FIGURE, "om det så tar livet av meg", "(om | selv om | hvis) det (så)? (tar livet av meg | dreper meg)", "span"
    ),
    context(NEGATION, "sa nei", "(jeg sa nei | svarte nei | sa nei og | svaret var nei)", "sentence"),
    context(
        FIGURE,
        "medisin som brukt",
        "(hodepine* | migrene | tannverk* | mensensmerter | feber | forkjølelse | "
        "influensa | vondt i ryggen | mot smertene | som foreskrevet | som legen sa | er bedre nå)",
        "sentence",
    ),
    context(FIGURE, "tuller", "(=spøk | =tuller | =kødder | bare tuller | bare kødder | på tull | =jk)", "clause"),
    context(
        FIGURE,
        "ulykke",
        "(stekeovn* | ovnen | komfyr* | matlaging | panne* | vannkoker* | strykejern* | uhell | "
        "ved et uhell | ikke noe alvorlig | skled | snublet | sklei | fotball | klatring)",
        "sentence",
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
    context(
        OWN_PLAN,
        "med legen min",
        "({lege}) (min | mitt | mi | vår) ...8 | ({lege}) og (jeg | eg | æ) | (ble enige | avtalt | blei samde)",
        "sentence",
    ),
    context(
        ADVICE_OK,
        "ikke dobbel dose",
        "(ikke | aldri) ta (dobbel | dobbelt) (dose | dosen) | (apoteket | legen | fastlegen | farmasøyten) "
        "(sa | sier | anbefalte)",
        "sentence",
    ),
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
