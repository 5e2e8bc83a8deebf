"""English rules. Patterns: see patterns.py (words match every inflection through the stemmer)."""

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
    "neg": "pathetic | lazy | spoiled | spoilt | weak | stupid | dumb | crap | whining | whiny | moaning | drama "
    "| dramatic | victim | boring | freak | loser | miserable | fake | faking | liar | joke | snowflake | crybaby "
    "| ridiculous | embarrassing | annoying | selfish | useless | worthless | waste | cringe | trash | garbage "
    "| creep | weirdo | psycho | nutter | crazy | idiot | moron | attention | sob | pity | entitled | sad "
    "| disgusting | toxic | parasite | leech | clown | failure | nobody | ugly | fat | drain | burden",
    "i": "i | me | my self | myself",
    "self": "myself | my self | me | my life | my own life | mysel",
    "mylife": "my life | my own life | it all | everything | things | it",
    "want": "want | wanna | wish | need | going | gonna | plan | planning | ready | decided | tempted "
    "| would like | think about | thinking about | thought about | considering | urge | urges "
    "| keep thinking about | longing | desperate | feel like | just want | rather",
    "die": "die | be dead | not be here | not exist | stop existing | disappear forever | not wake up "
    "| never wake up | not be alive | end it all | sleep forever | go to sleep forever | not be around "
    "| stop breathing | rest forever | cease to exist | not live | not have to be alive | stop living",
    "kill": "kill | end | take | unalive | off | murder | top",
    "anymore": "anymore | any more | any longer | no more | much longer | longer",
    "pills": "pills | tablets | meds | medication | paracetamol | tylenol | sleeping pills | painkillers | "
    "pill | insulin | antidepressants | lithium | quetiapine | seroquel | sertraline | zopiclone | xanax",
    "means": "{pills} | rope | noose | belt | blade | razor | razors | gun | knife | bridge | train | tracks "
    "| roof | cliff | ledge | edge | balcony | car exhaust | charcoal | poison | bleach | cable | overdose",
    "when": "tonight | tomorrow | this weekend | on friday | on saturday | on sunday | on monday | on tuesday "
    "| on wednesday | on thursday | friday | saturday | sunday | monday | in an hour | after the party | "
    "this week | at night | when this post | when she leaves | when he leaves | when they leave | when my | "
    "the date | the 14th | before anyone | after tomorrow | new year | christmas | my birthday",
    "time": "tonight | tonite | today | now | right now | this evening | this weekend | tomorrow | in an hour "
    "| after this | after this post | soon | at midnight | this time",
    "people": "everyone | everybody | people | my family | family | they | my kids | my children | my parents "
    "| my wife | my husband | my partner | the world | my friends | them | you all | you guys",
    "you": "you | u | ya | your | you are | youre",
    "meds": "medication | meds | medicine | medicines | pills | tablets | antidepressants | antidepressant "
    "| antipsychotics | antipsychotic | lithium | ssri | ssris | mood stabilisers | mood stabilizers "
    "| sertraline | prozac | fluoxetine | citalopram | escitalopram | venlafaxine | quetiapine | seroquel "
    "| olanzapine | aripiprazole | abilify | lamotrigine | valproate | depakote | risperidone | clozapine "
    "| benzos | benzodiazepines | xanax | diazepam | valium | prescription | dose | dosage | treatment | drugs "
    "| psych meds | psychiatric drugs | injection | depot | stabilizer | stabiliser",
    "alternative": "st johns wort | saint johns wort | johns wort | fish oil | omega | cbd | cannabis | weed "
    "| supplements | vitamins | vitamin | herbs | herbal | magic mushrooms | mushrooms | shrooms | psilocybin "
    "| microdosing | microdose | ayahuasca | ketamine | essential oils | oils | turmeric | ashwagandha "
    "| meditation | yoga | prayer | juice | cold showers | fasting | keto | diet | exercise | running | kratom "
    "| natural | nature | homeopathy | detox | sunlight",
    "booze": "alcohol | booze | drink | drinks | drinking | wine | beer | vodka | weed | cannabis | alcohol "
    "| grapefruit | ecstasy | mdma | cocaine | coke | speed | party drugs | shots",
    "stop": "stop | quit | ditch | drop | dump | throw away | flush | bin | skip | get off | come off | taper off "
    "| kick | give up | cut out | stop taking | quit taking | ditching | chuck",
    "doctor": "doctor | doctors | psychiatrist | gp | nurse | care team | prescriber | pharmacist | therapist "
    "| psych | specialist | team | clinic",
}

RULES = (
    # --- Wish to be dead (passive ideation) ---------------------------------------------------
    rule("wish_dead", "want to die", "{i}? ...2 {want} ...3 to? {die}", without={}),
    rule(
        "wish_dead",
        "wish I was dead",
        "wish ...2 (was | were | could be) (dead | gone | never born | not here | not alive | asleep forever)",
    ),
    rule("wish_dead", "never been born", "wish ...2 (had | d) never been born"),
    rule(
        "wish_dead",
        "not wake up",
        "(hope | pray | wish | praying | hoping) ...3 (not | never | do not) wake up",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "not want to be alive",
        "not ...2 (want | wanna | wish) ...2 (to be | be) (alive | here | around | on this earth) ...2 {anymore}?",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "not want to live",
        "not ...2 (want | wanna | see the point | see a point | "
        "see any point) ...2 (to live | living | in living | to exist | existing | to be alive | to go on | "
        "to carry on | to wake up | waking up)",
        without={NEGATION},
    ),
    rule("wish_dead", "better off dead", "(better | easier) off dead"),
    rule("wish_dead", "rather be dead", "rather (be dead | die | not exist | not be here | not be alive | not wake)"),
    rule(
        "wish_dead",
        "nothing to live for",
        "(nothing | no reason | no reasons | no point | nobody | no one) "
        "...2 (to live | to live for | in living | left to live for | to keep going | to go on | to stay alive | "
        "to stay)",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "tired of living",
        "(tired | sick | done | exhausted) (of | with) (living | life | being alive "
        "| existing | breathing | this life | it all | everything)",
    ),
    rule(
        "wish_dead",
        "cannot go on",
        "(not | no longer) ...2 (go on | carry on | keep going | do this | take it "
        "| take this | live like this | continue | handle this | handle it | bear it | bear this | cope) "
        "...2 {anymore}",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "life not worth living",
        "(life | it | living) ...2 (not | is not) worth (living | it)",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "want it over",
        "(want | wish | need) ...2 (it | this | everything | life | the pain) ...2 "
        "to? (be over | end | stop | stop forever | be finished) ...2 (forever | for good | permanently | "
        "for ever)",
    ),
    rule(
        "wish_dead",
        "hope I die",
        "(hope | pray | praying | hoping) ...2 (i | a car) ...3 (die | dies | hit me | kills me | end)",
    ),
    rule("wish_dead", "let me die", "(let | leave) me (die | go) ...2 (please | already)?"),
    rule("wish_dead", "want out", "{i} ...2 (want | need) (out | to be gone | to go away forever)", weak=True),
    rule(
        "wish_dead",
        "disappear forever",
        "(disappear | vanish | fall asleep | go to sleep | sleep) (forever | "
        "for good | permanently | and never wake up | and not wake up)",
    ),
    rule("wish_dead", "ready to go", "ready to (go | leave this world | leave this life | check out | be done)"),
    rule("wish_dead", "catch the bus", "catch the bus"),
    # --- Thoughts of killing oneself (active) ----------------------------------------------------
    rule("suicidal_thoughts", "kill myself", "{kill} {self}"),
    rule(
        "suicidal_thoughts",
        "kill myself, spaced",
        "(kill | killing | end | ending | take | taking) ...2 (my own life | my life | my self | myself)",
    ),
    rule("suicidal_thoughts", "suicidal", "=suicidal | =suicidial | =suicidally"),
    rule(
        "suicidal_thoughts",
        "thoughts of suicide",
        "(thought | thoughts | think | thinking | ideation | "
        "urge | urges | plan | planning | consider | considering | contemplate | contemplating | want | tempt "
        "| tempted | attempt | commit | try | trying | close to | feel like | feeling) ...3 (=suicide | "
        "=sewerslide | =suicides | =selfdeath)",
        weak=True,
    ),
    rule(
        "suicidal_thoughts",
        "suicidal thoughts",
        "(=suicide | =suicidal | =suicidial) (thoughts | thought | "
        "ideation | urges | urge | plan | plans | attempt | attempts | feelings | mood | crisis)",
        weak=True,
    ),
    rule(
        "suicidal_thoughts",
        "end it all",
        "(end | stop) (it all | everything | it | things) "
        "...2 (for good | tonight | now | forever | permanently | once and for all)?",
        weak=True,
    ),
    rule(
        "suicidal_thoughts",
        "end things",
        "(want | going | gonna | ready | need | time | plan | going) to "
        "(end | finish) (it | things | it all | everything | my story | my time)",
    ),
    rule(
        "suicidal_thoughts",
        "not be here",
        "(will not | will not | not going to | wont) be (here | around | alive) "
        "...2 (much longer | long | tomorrow | next week | for long | by morning | anymore)",
        without={NEGATION},
    ),
    rule(
        "suicidal_thoughts",
        "unalive",
        "(=unalive | =unaliving | =unalived | delete myself | yeet myself | "
        "self delete | end myself | exit this life | check out early | =kms | =ctb)",
    ),
    rule("suicidal_thoughts", "take my life", "take (my own | my) life"),
    # --- Method, plan, time or place -------------------------------------------------------------
    rule(
        "method_plan",
        "overdose",
        "(take | taking | took | swallow | swallowing | down | downing | od | "
        "overdose | overdosing) ...3 (all | every | whole | entire | all of | the rest of | enough | lot | "
        "bunch | handful | box | boxes | bottle | packet | packets | stash | whole box) ...3 {pills}",
    ),
    rule("method_plan", "overdose word", "(=overdose | =overdosing | =od) ...3 (on | with)? ...2 {pills}?", weak=True),
    rule(
        "method_plan",
        "enough pills",
        "enough {pills} ...3 (to | for) ...2 (die | end | kill | do it | never wake | not wake | finish)",
    ),
    rule(
        "method_plan",
        "jump",
        "(jump | jumping | throw myself | step | walk | lie down) ...3 (off | from | in "
        "front of | under | onto) ...3 (bridge | roof | building | train | tracks | cliff | balcony | car | bus "
        "| ledge | window | tower | car park | parking garage)",
    ),
    rule("method_plan", "hang", "(hang | hanging | hanged) (myself | my self)"),
    rule(
        "method_plan",
        "rope",
        "(bought | buy | got | have | tie | tied | ready | found | a) ...2 (rope | noose)"
        " ...4 (for | to | myself | tonight | ready | beam | tree)?",
        weak=True,
    ),
    rule(
        "method_plan",
        "cut wrists",
        "(slit | cut | cutting | open) ...2 (my wrists | my wrist | my throat | deep | my veins | veins)",
    ),
    rule(
        "method_plan",
        "method plan",
        "(i | i have | already) ...3 (know | worked out | figured out | planned | "
        "decided | chosen | picked) ...3 (how | when | where | the way | the method | the date | the day | "
        "the place | a date | a day | a place | a spot) ...3 (do it | i will do it | to do it | going to do it | "
        "i will | it will happen | end it | die)?",
    ),
    rule(
        "method_plan",
        "have a plan",
        "(have | got | made | making) (a | my) (plan | date) ...4 (to | for) ...2 "
        "(die | end | kill | do it | it | suicide | myself | my life)",
    ),
    rule(
        "method_plan",
        "means for it",
        "(enough | saved | stockpile | stockpiled | saving | collected | "
        "collecting | hoarding | hoard | stashed | stash) ...3 {means}",
    ),
    rule(
        "method_plan",
        "drive into",
        "(drive | crash) ...2 (into | off) ...3 (tree | wall | truck | bridge | cliff | road | lorry | oncoming)",
    ),
    rule(
        "method_plan",
        "how to kill",
        "(how | ways | way | best way | painless way | quickest way | easiest "
        "way) ...2 to (die | kill myself | end it | overdose | end my life | hang | do it painlessly)",
    ),
    rule(
        "method_plan",
        "painless",
        "(painless | quick | quickest | easiest) ...2 (way | ways | method | methods)"
        " ...2 (to go | out | to die | to end it)",
    ),
    # --- Intent and decision ---------------------------------------------------------------------
    rule(
        "intent",
        "decided",
        "(i have | i have | i) ...2 (decided | made up my mind | made my decision | made the "
        "decision | chosen | it is decided) ...3 (to die | to end | to go | to do it | it is time | today | "
        "tonight | is the day | is the night | goodbye | it ends)",
    ),
    rule(
        "intent",
        "going to do it",
        "(going | gonna | about | ready | will) to? (do it | go through with it | end it | actually do it) ...3 {time}",
        imminent=True,
    ),
    rule(
        "intent",
        "last post",
        "(this is | this will be | will be | this is going to be) ...2 (my last | the last)"
        " ...2 (post | message | time | day | night | words)",
    ),
    rule(
        "intent",
        "by the time you read",
        "(by the time | when) (you | anyone | someone) (read | reads | see | sees | find | finds) (this | these | my)",
        without={OTHERS},
    ),
    rule(
        "intent",
        "tonight is the night",
        "(tonight | today | this) (is | it is | s)? ...2 (the night | the day | the end | it is time)",
        weak=True,
        imminent=True,
    ),
    rule(
        "intent",
        "no longer afraid to die",
        "(not | no longer) (afraid | scared) (of dying | to die | of death)",
        without={NEGATION},
    ),
    # --- Preparatory acts ------------------------------------------------------------------------
    rule(
        "preparatory",
        "goodbye letters",
        "(goodbye | farewell | suicide | last) (letter | letters | note | notes | message | messages | video | email)",
        weak=True,
    ),
    rule(
        "preparatory",
        "writing goodbyes",
        "(wrote | written | writing | write | leave | left | leaving | said "
        "| saying | say) ...3 (goodbye | goodbyes | farewell | my goodbyes | letters to) ...3 (to | my | "
        "everyone | family | kids | friends)?",
        weak=True,
    ),
    rule(
        "preparatory",
        "giving things away",
        "(giving | gave | give) ...2 (away | out) ...3 (my | all my | "
        "things | stuff | belongings | pets | cat | dog | possessions)",
    ),
    rule(
        "preparatory",
        "affairs in order",
        "(put | putting | get | getting | sorted | sorting) ...2 (my affairs "
        "| things | everything | my things) ...2 in order",
    ),
    rule(
        "preparatory",
        "will written",
        "(wrote | written | made | make | updated | writing | changed | changing | redid | rewrote) ...2 my (will | last will | funeral plans | funeral)",
    ),
    rule(
        "preparatory",
        "searched means",
        "(searched | searching | googled | googling | looked up | looking up "
        "| researching | researched | read up) ...4 (how | ways | lethal | dose | dosage | much | many | "
        "methods | fatal | height | painless) ...4 (die | kill | lethal | fatal | overdose | end it | "
        "pills | dose)",
        weak=True,
    ),
    rule("preparatory", "this is goodbye", "this is (goodbye | farewell | the end)", weak=True),
    rule(
        "preparatory",
        "goodbye everyone",
        "(goodbye | bye | farewell) (everyone | all | world | cruel world | forever | for ever | guys)",
        weak=True,
    ),
    rule(
        "preparatory",
        "take care of my",
        "(please | promise) ...2 (take care of | look after) my (cat | dog | kids | children | mother | mum | pets)",
        weak=True,
    ),
    # --- Self-harm -------------------------------------------------------------------------------
    rule(
        "self_harm",
        "hurt myself",
        "(hurt | harm | cut | cutting | burn | burning | hit | punch | scratch | "
        "bang | starve | punish | bruise | stab) ...2 (myself | my self | my arms | my arm | my legs | my "
        "wrists | my thighs | my skin | my body)",
    ),
    rule(
        "self_harm",
        "self harm",
        "(self harm | self harmed | self harming | self injury | self injuring | "
        "=sh | selfharm | =cutting) ...3 (again | relapsed | relapse | tonight | urges | urge | want | today | "
        "last night | started | started again | back | can not stop | keep)",
        weak=True,
    ),
    rule(
        "self_harm",
        "urge to self harm",
        "(urge | urges | want | wanting | need | relapsed | relapse | craving "
        "| started | back) ...3 (to | into)? (self harm | self harming | harm | cut | cutting | sh | burn)",
        weak=True,
    ),
    rule(
        "self_harm",
        "blade",
        "(razor | blade | blades | knife | scissors | sharpener) ...4 (arm | arms | "
        "wrist | wrists | thigh | thighs | skin | bleed | bleeding | blood | cut | cuts)",
        weak=True,
    ),
    rule(
        "self_harm",
        "bleeding",
        "(cuts | cut | wounds | scars) ...3 (bleeding | deep | fresh | new | stitches) ...2 (again)?",
        weak=True,
    ),
    # --- Perceived burdensomeness ----------------------------------------------------------------
    rule(
        "burdensomeness",
        "better off without me",
        "{people}? ...3 (be | are | would be | would be | will be) ...2 "
        "(better | happier | easier | fine | relieved) ...3 (off )? (without me | if i (was | were | am) gone |"
        " if i (died | was dead | disappeared | was not here | were dead) | with me gone | once i am gone)",
    ),
    rule(
        "burdensomeness",
        "a burden",
        "(i am | i am | i feel like | i feel | i am just | i just) ...3 (burden | "
        "waste of space | waste of oxygen | waste of air | drain | problem for everyone | weight)",
    ),
    rule("burdensomeness", "burden on everyone", "(burden | burdening | weight) (on | to | for) {people}"),
    rule(
        "burdensomeness",
        "ruin everything",
        "i ...2 (ruin | ruining | destroy | destroying) ...2 "
        "(everything | everyone life | their lives | everyone lives) ...2 (for everyone | for them)?",
        weak=True,
    ),
    # --- Thwarted belonging ----------------------------------------------------------------------
    rule(
        "thwarted_belonging",
        "nobody would care",
        "(nobody | no one | noone | not a single person | not one "
        "person) ...2 (would | will | d) ...2 (care | notice | miss me | cry | come to my funeral | even notice)"
        " ...4 (if i (died | was gone | disappeared | killed myself | was dead) | when i am gone)?",
    ),
    rule(
        "thwarted_belonging",
        "no one would miss me",
        "(no one | nobody | noone) ...2 (miss me | even miss me | notice i am gone | notice if i was gone)",
    ),
    rule(
        "thwarted_belonging",
        "completely alone",
        "(completely | totally | utterly | so) alone ...3 (no one | nobody | forever | in this world | always will be)",
        weak=True,
    ),
    # --- Command hallucinations ------------------------------------------------------------------
    rule(
        "command_hallucination",
        "voices tell me",
        "(voice | voices | they | it) ...2 (tell | telling | told | "
        "say | saying | said | command | order | ordering | want | scream | screaming | whisper | whispering) "
        "...2 (me | at me)? ...2 (to | i should | i must | that i should | i have to | i deserve to) ...2 "
        "(kill | die | hurt | jump | end | cut | harm | punish | do it | deserve to die)",
    ),
    # --- An act under way ------------------------------------------------------------------------
    rule(
        "act_under_way",
        "taken pills",
        "(i have | i have | i just | just | already | i) ...2 (taken | took | "
        "swallowed | downed | had) ...3 (all | every | whole | the whole | all of | a lot of | lots of | bunch | "
        "handful | box | bottle | packet | enough | whole box) ...3 {pills}",
        imminent=True,
    ),
    rule(
        "act_under_way",
        "standing on bridge",
        "(i am | i am | standing | sitting | up) ...3 (on | at) (the)? "
        "(bridge | roof | edge | ledge | cliff | tracks | platform | railway) ...4 (now | right now | "
        "looking down | ready | jump)?",
        imminent=True,
        weak=True,
    ),
    rule(
        "act_under_way",
        "bleeding a lot",
        "(bleeding | blood) ...3 (a lot | will not stop | everywhere | so much | badly | heavily)",
        imminent=True,
        weak=True,
    ),
    rule("act_under_way", "doing it now", "(doing | do) it (now | tonight | right now)", imminent=True, weak=True),
    rule(
        "act_under_way",
        "started taking",
        "(started | starting | begun) (taking | swallowing) ...2 (them | the pills | pills | tablets)",
        imminent=True,
    ),
    # --- Hostile ---------------------------------------------------------------------------------
    rule(
        "incitement",
        "kill yourself",
        "(kill | killing | end | hang | off | unalive) (yourself | your self | urself | your life)",
        without={SELF_TALK},
    ),
    rule(
        "incitement",
        "go die",
        "(go | just go | pls go | please go | should go | go and | you should | ought to | better) (die | jump off "
        "a bridge | drink bleach | jump | do it already | do us all a favour | do everyone a favour)",
        without={SELF_TALK},
    ),
    rule(
        "incitement",
        "nobody would miss you",
        "(no one | nobody | noone) (would | will | d) (miss | care about | notice) you",
    ),
    rule(
        "invalidation",
        "drama queen",
        "(drama queen | drama llama | attention (seeker | seeking | whore | "
        "seekers) | snowflake | snowflakes | crybaby | cry baby | special snowflake)",
    ),
    rule(
        "invalidation",
        "man up",
        "(man up | toughen up | harden up | grow a pair | just grow up | so grow up | you need to grow up | suck it up | "
        "get over (it | yourself) | snap out of it | pull yourself together | get a grip | cheer up already)",
    ),
    rule(
        "invalidation",
        "stop whining",
        "(stop | quit) (whining | moaning | complaining | crying | being so "
        "dramatic | being dramatic | being a baby | being lazy | feeling sorry for yourself | playing the victim "
        "| making excuses | the pity party | attention seeking)",
    ),
    rule(
        "invalidation",
        "all in your head",
        "(it is | its | it is) (all )? (in your head | made up | not real | just an excuse | fake | nonsense)",
        weak=True,
    ),
    rule(
        "invalidation",
        "faking",
        "(you are | you are | you are) ...2 (faking | making it up | exaggerating | "
        "overreacting | attention seeking | lying about)",
    ),
    rule(
        "invalidation",
        "nobody cares",
        "(nobody | no one | noone) (cares | wants to hear | asked | gives a) ...2 (about you | about your | you)?",
    ),
    rule(
        "invalidation",
        "pity party",
        "(pity party | boo hoo | cry me a river | first world problems | get a "
        "life | everyone has problems | others have it worse | real problems)",
    ),
    rule(
        "invalidation",
        "lazy excuse",
        "(depression | anxiety | mental illness | bipolar | adhd) ...2 (is | is not "
        "| not) ...2 (an excuse | real | a thing | a real illness)",
        weak=True,
    ),
    rule(
        "invalidation",
        "just think positive",
        "just (think positive | be positive | be happy | smile more | "
        "stop being sad | cheer up | choose happiness | go for a walk)",
        weak=True,
    ),
    rule(
        "insult",
        "you are stupid",
        "{you} ...2 (=are | =re | =r | =is | =such | =so | =a | =an | =just) ...3 "
        "(pathetic | stupid | idiot | idiots | moron | morons | loser | losers | freak | freaks | useless | "
        "worthless | a joke | joke | disgusting | selfish | lazy | annoying | crazy | psycho | nuts | mental | "
        "retard | retarded | dumb | weak | waste of space | clown | embarrassment | failure | piece of | "
        "parasite | leech | burden | trash | garbage | scum | ridiculous | laughable | insane | nutcase | "
        "attention whore | fat | ugly | pitiful | spineless | brainless | clueless | hypocrite)",
    ),
    rule(
        "insult",
        "what an idiot",
        "(what a | what an | such a | such an | you | you are a | you absolute | "
        "you stupid | you pathetic) (idiot | moron | loser | freak | clown | joke | retard | psycho | "
        "nutcase | crybaby | waste | parasite | leech | snowflake | muppet)",
    ),
    rule(
        "insult",
        "shut up",
        "(shut up | shut your | stfu | shut the | gtfo | screw you | f you | fuck you | "
        "fuck off | piss off | get lost | go to hell)",
    ),
    rule(
        "insult",
        "people like you",
        "(people like you | your kind | you people) ...3 (are | should | make | ruin | are why | deserve | need)",
    ),
    rule(
        "insult",
        "laughing at you",
        "(laughing at you | lol at you | lmao at you | ha ha you | hahaha you | "
        "you are a laughing stock | everyone laughs at you)",
    ),
    rule(
        "exclusion",
        "leave the forum",
        "(leave | get out of | go away from | get off | quit | stay out of) "
        "...2 (this forum | the forum | this group | here | this site | this place | this thread | our "
        "forum)",
    ),
    rule(
        "exclusion",
        "nobody wants you",
        "(nobody | no one | noone) ...2 (wants | want | needs | likes) ...2 "
        "(you | your posts | your whining) ...2 (here | around)?",
    ),
    rule(
        "exclusion",
        "go away",
        "(just | please | pls)? (go away | get lost | disappear | bugger off | "
        "jog on | go back to) ...3 (already | and do not come back | nobody | no one | forever)?",
        weak=True,
    ),
    rule(
        "exclusion",
        "not welcome",
        "(you are | you are | your kind) ...2 (not welcome | do not belong | not wanted | unwelcome)",
    ),
    # --- Harmful health advice -------------------------------------------------------------------
    rule(
        "stop_medication",
        "stop your meds",
        "{stop} ...3 (your | those | the | all | all your | all the | them | their) ...2 {meds}",
    ),
    rule(
        "stop_medication",
        "you don't need meds",
        "(you | u | nobody | no one) (do not | do not | does not | "
        "dont | really do not | never) ...2 (need | needs) ...2 {meds}",
        without={NEGATION},
    ),
    rule(
        "stop_medication",
        "meds are poison",
        "{meds} (are | is | r) ...3 (poison | poisoning | a scam | "
        "scam | making you worse | make you worse | the problem | useless | placebo | a placebo | evil | "
        "toxic | killing you | mind control | big pharma | a crutch | brain damage | damaging your brain | "
        "dangerous | a lie | numbing you)",
    ),
    rule(
        "stop_medication",
        "cold turkey",
        "(cold turkey | just =stop | =stop them all | stop all of them | quit "
        "them all | throw them out | throw them away | flush them)",
    ),
    rule(
        "stop_medication",
        "big pharma",
        "(big pharma | pharma companies | psychiatrists | doctors) ...4 (lie "
        "| lying | want you | keep you | just want | poison | profit)",
        weak=True,
    ),
    rule(
        "stop_medication",
        "don't take",
        "(do not | never | dont | =stop) (=take | =taking | touch | start) ...2 {meds}",
        without={NEGATION},
    ),
    rule(
        "dose_change",
        "double your dose",
        "(double | triple | halve | increase | up | raise | lower | cut | "
        "reduce | decrease | skip | split | crush | take) ...3 (your | the | a | an | extra | more | less | "
        "higher | lower | bigger | half | double) ...2 (dose | dosage | doses | mg | meds | medication | pill | "
        "pills | tablets)",
    ),
    rule(
        "dose_change",
        "more than prescribed",
        "(take | taking | double up | try) ...3 (more than | twice | two "
        "| three | extra | an extra | a couple extra | a few extra | as many as) ...3 (prescribed | pills | "
        "tablets | doses | you need | you want | the dose | it says)",
    ),
    rule(
        "dose_change",
        "adjust yourself",
        "(adjust | change | tweak | play with | experiment with | lower | "
        "raise) ...2 (your | the) ...2 (dose | dosage | meds | medication) ...3 (yourself | on your own | "
        "without (asking | telling) | no need to ask)",
    ),
    rule(
        "combine",
        "mix with alcohol",
        "(mix | mixing | combine | combining | take | taking | have | having | "
        "with) ...4 ({meds} | them | it | your meds | your pills) ...3 (with | and | on top of) ...2 {booze}",
    ),
    rule(
        "combine",
        "drink on meds",
        "({booze} | drinking | a drink | a few drinks | a glass) ...3 (with | on | "
        "while on | and) ...2 (your | the | those)? {meds} ...3 (is fine | is ok | it is fine | will not hurt | "
        "no problem | totally fine | makes it better | works better | is safe | no big deal)?",
        weak=True,
    ),
    rule(
        "combine",
        "fine to mix",
        "(fine | ok | okay | safe | no problem | perfectly fine | totally fine | "
        "harmless) to (mix | combine | drink | take) ...4 (with | on | together | alcohol | booze | wine | beer "
        "| meds | medication)",
    ),
    rule(
        "combine",
        "stack",
        "(stack | add | combine) ...2 ({meds} | it | them) ...3 (with | and) ...3 ({meds} | {alternative})",
        weak=True,
    ),
    rule(
        "replace",
        "instead of meds",
        "(instead of | rather than | replace | replacing | swap | swapping | "
        "switch | switching | better than | beats | over) ...3 (your | the | those | taking)? ...2 {meds} ...4 "
        "({alternative})?",
    ),
    rule(
        "replace",
        "alternative cures",
        "({alternative}) ...4 (cure | cures | cured | fix | fixes | fixed | "
        "works better | work better | is better | are better | better than | heal | heals | healed | all you "
        "need | replace | instead)",
    ),
    rule(
        "replace",
        "try instead",
        "(try | use | take | switch to | go for) ...3 ({alternative}) ...3 (instead | "
        "rather | and stop | and quit | and ditch | and drop | and get off)",
    ),
    rule(
        "replace",
        "natural cure",
        "(natural | naturally | holistic) ...2 (cure | cures | remedy | remedies | "
        "way | ways | treatment | alternative) ...3 (instead | depression | bipolar | anxiety | psychosis | "
        "schizophrenia | better)?",
        weak=True,
    ),
    # --- Added from the development corpus: how members really write -------------------------------
    rule("wish_dead", "being dead better", "(being | be) dead ...4 (better | easier | peace | relief | all i want)"),
    rule(
        "wish_dead",
        "not alive",
        "(not | wasn t | wasnt | weren t | stop being | no longer | never) (be )? "
        "alive ...3 (anymore | any more | again | another | fix | better | happier | easier | save)?",
    ),
    rule("wish_dead", "another one alive", "(another | one more) ...3 (alive | living | of this)", weak=True),
    rule(
        "wish_dead",
        "point staying alive",
        "(point | reason | why) ...4 (staying alive | stay alive | keep living "
        "| keep on living | go on living | keep going | to keep going | carry on | halde fram | to live | living)",
    ),
    rule(
        "wish_dead",
        "have to keep living",
        "(have to | should) ...2 (keep living | stay alive | go on living | keep going)",
    ),
    rule("wish_dead", "give life back", "(give | hand) (it | life | my life) back"),
    rule(
        "wish_dead",
        "endure life",
        "life is (something )? (i endure | unbearable | torture | a prison | hell) ...4 (give | end | out | over)?",
        weak=True,
    ),
    rule(
        "wish_dead",
        "hope it goes down",
        "(hope | hoping | pray) ...3 (it | the plane | the car | the bus | "
        "something | someone) (goes down | crashes | hits me | kills me)",
    ),
    rule(
        "wish_dead",
        "not wake up hoping",
        "(hoping | hope | pray | praying) (not | never) to? wake up",
        without={NEGATION},
    ),
    rule("wish_dead", "including life", "(done | finished | over) ...8 (including | with) life"),
    rule(
        "wish_dead",
        "die in my sleep",
        "(nice | good | great | wish | want | hope | pray) ...3 to? (just )? die "
        "(in my sleep | tonight | quietly | peacefully | already)",
    ),
    rule(
        "method_plan",
        "thinking about the bridge",
        "(thinking about | thought about | think about | looking at | "
        "staring at | dreaming about) the (bridge | tracks | pills | rope | cliff | roof | edge | railway | "
        "train tracks | sea) ...3 (again)?",
    ),
    rule("method_plan", "the rope is up", "(rope | noose) (is | s)? (up | ready | tied | hung | hanging)"),
    rule("preparatory", "everything in order", "(everything | all) (is | s | feels | seems)? ...2 in order", weak=True),
    rule(
        "wish_dead",
        "wish for the day",
        "(wish | wishing | long | longing | waiting) ...3 for ...2 (the day | the "
        "end | death | it to end | the time) ...6 (alive | dead | die | over | end)?",
        weak=True,
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "happy to stop",
        "(happy | glad | relieved | ready) to (just )? (stop | go | not exist | be gone)",
        weak=True,
    ),
    rule(
        "suicidal_thoughts",
        "suicide in my head",
        "=suicide ...4 (head | mind | option | keeps | popping | again | thoughts | plan | plans | date)",
        weak=True,
    ),
    rule("suicidal_thoughts", "my suicide", "(my | planning my | plan my | planned my) =suicide"),
    rule(
        "suicidal_thoughts",
        "back to suicide",
        "(back to | thinking of | think of | thinking about | think about) =suicide",
    ),
    rule(
        "suicidal_thoughts",
        "checking out",
        "(checking out | check out | logging off | log off | signing off | "
        "leaving | going away | gone | out) (for good | for ever | forever | permanently)",
    ),
    rule(
        "suicidal_thoughts",
        "permanent nap",
        "(permanent | eternal | forever | final | long) (nap | sleep | rest | exit | goodbye)",
    ),
    rule("suicidal_thoughts", "not that kind of trip", "not that kind of (trip | journey | holiday)"),
    rule(
        "suicidal_thoughts",
        "not coming back",
        "(not | never) (coming | going to come | gonna come) back ...3 (this time | again | ever)?",
        without={NEGATION},
    ),
    rule(
        "suicidal_thoughts",
        "be here much longer",
        "(not | won t) ...2 (be | gonna be) (here | around) ...2 (much longer | long | for long | after)",
        without={NEGATION},
    ),
    rule(
        "suicidal_thoughts",
        "won't be a problem",
        "(not | won t) ...3 (be a | a) (problem | burden | bother) "
        "...3 (after | for anyone after | much longer | soon)",
        without={NEGATION},
    ),
    rule(
        "suicidal_thoughts",
        "going to do it",
        "(i am | i will | going to | gonna | planning to | plan to | when i "
        "| before i | that is when i am | i am doing | decided to | ready to | have to | got to | about to) "
        "...2 (do it | doing it | go through with it | doing this)",
        weak=True,
    ),
    rule(
        "method_plan",
        "the plan is",
        "(the | my) plan (is | was) ...6 (the | to | on | this | tonight | "
        "tomorrow | bridge | cliff | pills | sea | date)",
    ),
    rule(
        "method_plan",
        "set a date",
        "(set | picked | chosen | have | got | written down) ...2 (a date | the date | "
        "a day | the day | exactly how | how and when | when and how)",
    ),
    rule("method_plan", "plan and a date", "(a | my) (plan | method) and (a | the) (date | time | place)"),
    rule("method_plan", "means with a time", "{means} ...6 {when}", weak=True),
    rule("method_plan", "a time with means", "{when} ...6 {means}", weak=True),
    rule(
        "method_plan",
        "bridge without fences",
        "(bridges | bridge | car park | roof | building) ...4 (fences | "
        "nets | high enough | open at night | top floor | jump from | without)",
    ),
    rule(
        "method_plan",
        "jump from",
        "(jump | jumping) (from | off) ...3 (bridge | roof | building | car park | balcony "
        "| cliff | top floor | window | storey | tower | ledge | it | there)",
    ),
    rule(
        "method_plan",
        "which one I'll jump from",
        "which ...6 (i will | i am going to | to) (jump | drive | walk) (from | off | into)",
    ),
    rule(
        "method_plan",
        "drive off",
        "(drive | driving | walk | walking | go | going) (off | into | in front of) "
        "(it | the sea | the water | the river | the lake | a train | a bus | a lorry | the cliff | the road)",
    ),
    rule("method_plan", "timing trains", "(timing | timed | times | schedule) ...3 (trains | train | them)"),
    rule("method_plan", "enough for when", "(enough | so i have enough) ...4 (for when | when i | to)"),
    rule(
        "method_plan",
        "looking at pills",
        "(looking at | counted | counting | lined up | lining up | holding | "
        "have | got) ...3 (the )? (pills | tablets | knife | blade | rope | razor) ...4 (hand | table | "
        "drawer | twice | again | every | lined | ready | up | evening | now)",
    ),
    rule("method_plan", "almost enough", "(almost | nearly | finally) enough ...3 (for | now)?"),
    rule("method_plan", "what I'll do tonight", "(scared | afraid | terrified) of what i (will | might | could) do"),
    rule("preparatory", "when I'm gone", "(when | after | once | for when) (i am | i m | im) gone"),
    rule(
        "preparatory",
        "find them after",
        "(find | read | watch | open) (them | it | this)? ...2 (after | afterwards | when i am gone)",
    ),
    rule(
        "preparatory",
        "funeral wishes",
        "(funeral | my funeral | my will) ...3 (wishes | plans | document | sorted | written | music | songs)",
        weak=True,
    ),
    rule(
        "preparatory",
        "letters to my kids",
        "(wrote | written | writing | recorded | made) ...2 (letters | a letter "
        "| a video | videos | notes) ...3 (to | for) ...2 (my | everyone | the)",
    ),
    rule(
        "preparatory",
        "rehomed",
        "(rehomed | rehome | found a home for | gave away | giving away) ...3 (my | the)? "
        "(cat | dog | pets | rabbit | things | stuff)",
    ),
    rule(
        "preparatory", "told everyone trip", "(told | telling) everyone ...4 (going away | a trip | leaving)", weak=True
    ),
    rule("preparatory", "saying goodbye secretly", "(saying | said) goodbye ...6 (without | know | knowing)"),
    rule(
        "preparatory",
        "paid every bill",
        "(paid | paying) ...3 (every | all the | all my) bills? ...8 (after | gone | mess | nobody)",
    ),
    rule(
        "preparatory",
        "looking up which",
        "(looking up | looked up | searched | googled) ...3 (which | how | "
        "where) ...3 (bridges | bridge | building | dose | pills | heights | rope)",
    ),
    rule("preparatory", "this is goodbye", "(this is | it s | title) ...2 (goodbye | farewell)", weak=True),
    rule(
        "act_under_way",
        "took them all",
        "(took | taken | swallowed | downed | had) ...2 (them all | all of them | "
        "it all | everything i (saved | had | collected) | the whole (box | bottle | lot | pack) | the lot)",
        imminent=True,
    ),
    rule(
        "act_under_way",
        "took N pills",
        "(took | taken | swallowed | downed) ...3 (about | around | like | over | nearly)? ...2 {pills}",
        imminent=True,
        weak=True,
    ),
    rule(
        "act_under_way",
        "pills kicking in",
        "{pills} ...2 (kicking in | starting to work | =working | taking effect)",
        imminent=True,
    ),
    rule(
        "act_under_way",
        "on the tracks now",
        "(on | at | to | towards | walking to | on my way to | from | in) "
        "(the )? (bridge | tracks | train tracks | cliff | edge | roof | top floor | railing | ledge | sea | "
        "balcony railing | car park) ...4 (now | waiting | typing | this | not coming | right now)",
        imminent=True,
    ),
    rule(
        "act_under_way",
        "knife in my hand",
        "(knife | blade | pills | rope | razor) in my (hand | hands)",
        imminent=True,
    ),
    rule(
        "act_under_way",
        "typing this from",
        "(typing | writing) this (from | on | at) ...3 (roof | top floor | "
        "bridge | railing | ledge | edge | tracks | car park)",
        imminent=True,
    ),
    rule("act_under_way", "too late now", "too late (now | to stop)", imminent=True, weak=True),
    rule(
        "self_harm",
        "cut again",
        "(cut | cutting | burned | burnt | harmed | hurt | hit) ...2 (again | last night | tonight | today)",
        weak=True,
    ),
    rule(
        "self_harm",
        "clean and relapsed",
        "(clean | free | without) for ...3 (days | months | weeks | years) "
        "...6 (cut | cutting | harm | burn | relapse | relapsed | blade | sharpener | want to)",
    ),
    rule(
        "self_harm",
        "on my wrist",
        "(on | into | across) my (wrist | wrists | arm | arms | leg | legs | thigh | thighs | skin | stomach)",
    ),
    rule(
        "self_harm",
        "carved",
        "(carved | carve | scratched | scratch | bit | bite | scalded | burned | burnt | "
        "slammed | hit | punched | banged | clawed) ...3 (my | myself | into) ...4 (leg | legs | arm | arms | "
        "wrist | hand | hands | fingers | skin | head | marks | bled | bleed | on purpose | deserved | until)",
    ),
    rule(
        "self_harm",
        "on purpose",
        "(on purpose | deserved it | i deserved | to feel something | until i couldn t "
        "feel | until it bled | hard enough to leave marks)",
    ),
    rule("self_harm", "need to feel pain", "(need | want) to (feel pain | hurt | bleed | feel the pain)"),
    rule("self_harm", "cat scratches", "cat scratches ...6 (no cat | not (even )? have a cat)", without={NEGATION}),
    rule(
        "self_harm",
        "stopped caring for wounds",
        "(wounds | cuts | burns) ...4 (infected | get infected | properly)",
        weak=True,
    ),
    rule(
        "burdensomeness",
        "if I just wasn't alive",
        "if i (just | simply)? (was not | wasn t | were not | weren t | wasnt) (alive | here | around)",
    ),
    rule(
        "burdensomeness",
        "if I died",
        "(would | d | could) ...6 (better | happier | fine | easier | relieved | "
        "safer | life back | someone better | save) ...4 if i (died | was dead | was gone | were gone | "
        "disappeared)",
    ),
    rule(
        "burdensomeness",
        "removing myself",
        "(removing | remove | erasing | erase) myself ...4 (fix | solve | help | better)?",
    ),
    rule("burdensomeness", "still being here", "(by | for) still being (here | alive | around)"),
    rule(
        "burdensomeness",
        "a cost and a worry",
        "(only | just) a (cost | worry | drain | weight | problem) (to | for)",
        weak=True,
    ),
    rule(
        "thwarted_belonging",
        "nobody would notice if I died",
        "(nobody | no one | noone) ...3 (notice | miss me | "
        "care | know) ...3 if i (died | was gone | disappeared | was dead)",
        without={NEGATION},
    ),
    rule(
        "thwarted_belonging",
        "no one, what's the point",
        "(no one | nobody | noone) ...6 (point | reason) ...3 (alive | living | live | going)",
        without={NEGATION},
    ),
    rule(
        "command_hallucination",
        "voices told me",
        "(voices | voice | they re | they are | it keeps) ...2 (told | "
        "telling | tell | said | says | saying) (me )? ...2 (to | i have to | i must | that) ...4 (take all | "
        "burn | cut | die | kill | jump | stop eating | hurt | everyone would be safer | better if i died | "
        "do it)",
    ),
    rule(
        "command_hallucination",
        "voice says died",
        "(voice | voices) ...6 (if i died | i should die | i deserve to die | safer if i)",
    ),
    # --- Hostile and advice, added from the development corpus -------------------------------------
    rule(
        "invalidation",
        "it's pathetic",
        "(it is | that is | this is | you are | so | how) (so | just | really)? "
        "(pathetic | embarrassing | laughable | cringe | ridiculous | sad to watch)",
    ),
    rule(
        "invalidation",
        "feel sorry for you",
        "(you just want | you want | all you want is) ...3 (feel sorry | attention | sympathy | pity)",
    ),
    rule(
        "incitement",
        "if you really wanted to die",
        "if you (really | actually | truly)? (wanted | want | meant) to "
        "(die | do it | kill yourself) ...4 (done | by now | already)?",
        without={OTHERS},
    ),
    rule(
        "incitement",
        "prove it",
        "(prove it | go on then | do it then | just do it already | do it already | "
        "stop talking about it and do it | cut deeper)",
    ),
    rule(
        "invalidation",
        "sob story",
        "(sob story | sob stories | poor little me | pity party | here we go again | "
        "boo hoo | cry me a river | violin)",
    ),
    rule(
        "invalidation",
        "moaning on here",
        "(moaning | whining | complaining | crying | sulking) (on here | here | "
        "all the time | about everything | constantly)",
    ),
    rule(
        "insult",
        "fucking idiot",
        "(fucking | effing | stupid | bloody | absolute | complete | total | utter) "
        "(idiot | moron | loser | clown | muppet | retard | imbecile | cretin)",
    ),
    rule(
        "invalidation",
        "back in my day",
        "(you people | back in my day | we just got on with it | snowflake generation | kids these days)",
    ),
    rule(
        "exclusion",
        "take the hint",
        "(take the hint | why are you still (here | posting) | nobody asked you | read the room)",
    ),
    rule(
        "insult",
        "excuse for a human",
        "(pathetic | sorry | poor | sad) excuse for a (human | person | human being | man | woman | member)",
    ),
    rule(
        "exclusion",
        "go cry somewhere else",
        "(go cry | cry somewhere else | go whine | whine somewhere else | take it somewhere else | go moan)",
    ),
    rule(
        "invalidation",
        "hurt your feelings",
        "(did | has) (someone | somebody | anyone) hurt your (feelings | widdle) | (tough | deal with it | cope) =luck",
    ),
    rule(
        "insult",
        "useless lump",
        "(fat | useless | lazy | worthless | pathetic) (lump | waste | slob | leech | "
        "sponge | loser | cow | pig) | lives off (benefits | the state | everyone)",
    ),
    rule("invalidation", "tough", "(aw | aww | oh no | boo hoo) ...6 (=tough | deal with it | grow up)"),
    rule("stop_medication", "don't tell your doctor", "(not | never) tell (your | the) {doctor}", without={NEGATION}),
    rule(
        "dose_change",
        "not working just take",
        "(not working | is not working | does not work | doesn t work | "
        "no effect) ...3 (just | simply)? (take | up it | double | increase | up the)",
        without={NEGATION},
    ),
    rule(
        "combine",
        "alternative with your pills",
        "({alternative}) ...2 (with | on top of | alongside | and) "
        "(your | the | those)? ...2 ({meds} | current pills | current meds)",
    ),
    rule(
        "stop_medication",
        "stop all at once",
        "(stop | quit | drop) (all of it | everything | them all | it all) "
        "(at once)? | (tapering | taper) (just )? (drags | is pointless | is overrated | is a waste | "
        "is for)",
    ),
    rule(
        "stop_medication",
        "skip for a few weeks",
        "(skip | stop | drop | pause | ditch) (them | it | your {meds} | "
        "the {meds}) (for a few | for a couple | for a while | until | for some)",
    ),
    rule(
        "replace",
        "give you some",
        "(leftover | spare | extra) ...3 {meds} | (give | send | sell | share) "
        "(you | u) (some | a few | mine | a couple)",
    ),
    rule(
        "replace",
        "borrow someone's pills",
        "(borrow | take | use | try | nick) ...3 (your mums | your mum s | "
        "your friends | your friend s | someone else s | your partners | your dads | your sisters | your "
        "brothers | your mothers | someones | mums | friends) ...2 ({meds} | valium | sleeping pills | pills)",
    ),
    rule("combine", "add to your antidepressants", "(add | mix | stack) ...3 (to | with | into) (your | the) {meds}"),
    rule(
        "stop_medication",
        "skip the blood tests",
        "(skip | ignore | forget | stop) (the )? (blood tests | blood "
        "test | check ups | checkups | level checks | appointments | therapy | dps | your appointments | going "
        "to (dps | therapy | the psychiatrist | your psychiatrist | appointments))",
    ),
    rule("stop_medication", "drug you up", "(drug you up | just drug you | zombify you | turn you into a zombie)"),
    rule(
        "dose_change",
        "take two tomorrow",
        "(take | double) ...2 (two | double | extra) ...3 (make up | catch up | tomorrow | next time)",
    ),
    rule(
        "wish_dead",
        "no way out",
        "(no | only | any | other) way out ...4 (except | but | than)? ...2 (dying | death | "
        "to die | suicide | ending it)",
        without={NEGATION},
    ),
    rule(
        "suicidal_thoughts",
        "suicide on my mind",
        "(=suicide | =suicidal | =dying) ...5 (all i think about | i think "
        "about | on my mind | in my head | lately | every day | constantly | all the time)",
        weak=True,
    ),
    rule(
        "invalidation",
        "for attention",
        "(making it up | making it all up | made it up | doing it | faking it | "
        "posting this | just | only | all) (for | to get) (attention | the attention | sympathy | likes | pity)",
    ),
    rule(
        "stop_medication",
        "forget the meds",
        "(forget | ditch | skip | bin | screw | never mind) (the | your | those)? {meds} ...4 (just | instead | and)?",
    ),
    rule(
        "stop_medication",
        "you should quit yours",
        "(you should | you need to | you have to | you ought to | just | "
        "so) (quit | stop | ditch | drop | come off | get off | bin) (yours | them | it | your {meds} | the {meds}) "
        "...3 (too | as well | also)?",
    ),
    rule(
        "stop_medication",
        "meds only numb you",
        "({meds} | they | them) ...2 (only | just) (numb | dull | zombify | sedate | mask) (you | your)",
    ),
    rule(
        "stop_medication",
        "do the same",
        "(stopped | quit | ditched | came off | dropped) ...4 ({meds}) ...8 (do the "
        "same | you should too | you can too | try it | you will be fine | so can you)",
    ),
    rule(
        "wish_dead",
        "not deserve to live",
        "(not | no longer) (deserve | earn) (to live | to be alive | to be here | to exist | my life)",
        without={NEGATION},
    ),
    rule(
        "wish_dead",
        "no future",
        "(can not see | do not see | see no | there is no | i have no) (a | any)? (future | "
        "way forward | tomorrow) ...4 (do not want | for me | anymore)?",
        without={NEGATION},
        weak=True,
    ),
    rule(
        "method_plan",
        "staring at the pills",
        "(staring at | stare at | keep looking at | looking at | eyeing | "
        "holding) ...3 (the )? (bottle | box | packet | pills | tablets | pill bottle | knife | blade | rope | "
        "razor | it) ...6 (bedside | table | again | all night | keep | hand)?",
    ),
    rule(
        "method_plan",
        "pills on the table",
        "(bottle | box | packet | pack) of ({pills}) ...6 (staring | looking | "
        "bedside | ready | lined up | waiting | counted)",
    ),
    rule(
        "preparatory",
        "letters for afterwards",
        "(letter | letters | note | notes | video | message) ...10 (for "
        "afterwards | afterwards | for after | for when i am gone | after i am gone)",
    ),
    rule(
        "preparatory",
        "won't need them",
        "(gave | given | giving | give) ...10 (will not need | won t need | not need "
        "(them | it | my) ...2 (anymore | any more | again | where i am going)?)",
        without={NEGATION},
    ),
    rule(
        "method_plan",
        "drive into a wall",
        "(drive | driving | crash | crashing | steer | swerve) ...2 (into | off) "
        "...2 (a | the)? (wall | tree | bridge | truck | lorry | barrier | cliff | oncoming traffic)",
    ),
    rule(
        "method_plan",
        "in front of a train",
        "(step | stepping | jump | jumping | walk | walking | throw myself | lie "
        "down) ...3 (in front of | under | onto) ...3 (train | the next train | bus | truck | lorry | tracks)",
    ),
    # Addressed to someone, with a word that puts them down (weak: self-talk, quotes, negation and
    # other people explain it away).
    rule("insult", "you and a put-down", "(=you | =your | =yourself | you are) ...4 ({neg})", weak=True),
    rule("insult", "a put-down for you", "({neg}) ...3 (=you | =your | =yours)", weak=True),
    rule(
        "invalidation",
        "here she goes again",
        "(here (she | he | they | you) goes? again | typical | imagine (needing | being | crying | thinking)) ...6",
        weak=True,
    ),
    rule(
        "invalidation",
        "crying for likes",
        "(crying | begging | fishing | asking) for (likes | attention | sympathy | pity | hugs)",
    ),
    rule(
        "exclusion",
        "sick of you",
        "(sick of | tired of | fed up with | had enough of) (you | your | hearing "
        "you) | give it a rest | nobody wants to read",
    ),
    rule(
        "invalidation",
        "love the drama",
        "(love | loves | enjoy | crave | live for) (the )? (drama | attention | pity | sympathy)",
    ),
    rule(
        "incitement",
        "you'd be gone already",
        "(if it was | if it were | if you were) ...4 (you would | you d) ...3 "
        "(be gone | be dead | have done it | done it) ...2 (already | by now)?",
    ),
    rule("incitement", "go jump", "(go | just) (jump | do it | die) ...3 (then | already | see if)"),
    rule(
        "stop_medication",
        "get off it",
        "(get off | come off | quit | ditch | stop | bin | drop) (it | them | that "
        "stuff | the stuff) ...2 (asap | now | today | immediately | right away | fast)",
    ),
    rule(
        "stop_medication",
        "meds harm you",
        "({meds}) ...3 (wreck | wrecks | destroy | destroys | ruin | ruins | rot | "
        "rots | fry | fries | damage | damages | poison | poisons | kill | kills) ...2 (your | you)",
    ),
    rule(
        "stop_medication",
        "doctor is a dealer",
        "{doctor} (is | are) ...2 (drug dealer | dealer | dealers | shill | "
        "shills | paid by | in it for | liars | liar | clueless | useless) | (ignore | do not listen to | never "
        "listen to) (them | your {doctor} | the {doctor})",
    ),
    rule(
        "stop_medication",
        "tapering is a scam",
        "(tapering | taper | weaning) (is | s) ...2 (a scam | scam | "
        "pointless | a waste | for weak | useless | unnecessary)",
    ),
    rule(
        "dose_change",
        "halve your",
        "(halve | half | double | triple | split | crush) (your | the | those | "
        "them)? ...2 ({meds} | dose | dosage | seroquel | lithium | pills | tablets)",
    ),
    rule(
        "combine",
        "booze takes the edge off",
        "({booze}) ...4 (takes the edge off | helps | works | is fine | "
        "makes it better | boosts) ...4 ({meds} | with them | with it)",
    ),
    rule(
        "combine",
        "makes meds work better",
        "({alternative} | {booze} | juice) ...3 (makes | make) ...2 ({meds} | "
        "them | it) ...2 (work better | stronger | kick in)",
    ),
    rule(
        "replace",
        "won't need meds once",
        "(will not | won t | never) need ...2 ({meds}) ...3 (once | when | if | "
        "after) ...4 (fix | detox | cleanse | eat | exercise | heal | pray)?",
        without={NEGATION},
    ),
    rule(
        "replace",
        "from a friend instead",
        "(from | off) (a | your | my) (friend | mate | dealer | guy) ...4 (instead | rather than)",
    ),
)

NEGATORS = frozenset({"not", "never", "no", "nobody", "nothing", "dont", "cannot", "nor", "without"})
# A negator directly before these words does not deny what follows ("I can't stop thinking of dying").
NEGATION_KEEPS = frozenset({"stop", "help", "stand", "bear", "take", "handl", "cope", "wait", "shake", "get",
                            "sleep", "see", "find", "deal", "go", "carri", "keep", "live", "okay", "ok", "fine",
                            "good", "well", "sure", "alright", "much", "long", "longer", "more", "one", "onli",
                            "even", "just", "realli", "want"})  # fmt: skip

CONTEXTS = (
    # Negation is read from NEGATORS; these are other ways to say "not".
    context(
        NEGATION,
        "would never",
        "(would | will | am | i am) never (ever)? ...3 (do | kill | hurt | end | harm | act)",
        scope="clause",
    ),
    context(
        NEGATION,
        "not suicidal",
        "(not | no longer | never been | nothing) ...2 (suicidal | =suicide | "
        "in danger | going to act | at risk | acting on | act on)",
        scope="clause",
    ),
    context(
        NEGATION,
        "no plans",
        "(no | do not have any | without) (plan | plans | intention | intentions | "
        "intent) ...3 (to act | of acting | to do | of doing)?",
        scope="sentence",
    ),
    context(
        NEGATION,
        "safe",
        "(i am | i am | i will be | i will be | staying | keep myself | keeping myself) "
        "(safe | okay tonight | ok tonight)",
        scope="sentence",
    ),
    context(PAST, "years ago", "(years | year | months | month | decade | decades | weeks | week) ago", "sentence"),
    context(
        PAST,
        "used to",
        "(used to | back then | back in | at the time | at that time | in the past | at my worst | at my lowest | as a "
        "teen | as a teenager | when i was (young | younger | a teen | a teenager | a kid | at school | in "
        "school | in my | \\d+ ) | once upon | long ago | for years i | in my (teens | twenties | twenties | "
        "thirties | youth) | those days | those years | that time | that period | that year | that winter | "
        "that summer | earlier in my life | during (my | that) | last year)",
        "sentence",
    ),
    context(
        PAST,
        "recovered",
        "(recovery | recovering | recovered | survived | survivor | made it through | "
        "got through | came through | got help | getting admitted | admitted saved | saved me | "
        "am glad i | grateful i | so glad i | still here and | since then | looking back | "
        "it does get better | it gets better | does get better | it got better | days since i last | "
        "days since | months since | years since | it was not true for me)",
        "sentence",
    ),
    context(
        PAST,
        "past verbs",
        "(i | i had | i have) ...2 (=was | =were | =had | =tried | =attempted | =wanted "
        "| =thought | =felt | =used | =survived | =planned) ...8 (but now | but today | these days | "
        "nowadays | and now i am (better | fine | okay | ok | happy | well | safe | glad | doing))",
        "sentence",
    ),
    context(
        OTHERS,
        "someone else",
        "(my | his | her | their | our | a) (friend | friends | brother | sister | "
        "mum | mom | mother | dad | father | son | daughter | cousin | uncle | aunt | grandma | grandpa | "
        "grandmother | grandfather | partner | husband | wife | boyfriend | girlfriend | colleague | neighbour"
        " | neighbor | classmate | patient | client | kid | child | teenager | niece | nephew | roommate | "
        "flatmate) ...2 (=says | =said | =is | =was | =wants | =wanted | =tried | =died | =killed | =took "
        "| =told | =thinks | =feels | =keeps | =talks | =talked | =posted | =wrote | =has | =had | =self)",
        "before",
    ),
    context(
        OTHERS,
        "third person",
        "(=he | =she | =they | =someone | =somebody | =anyone | a person | a member | a character | the main "
        "character | =people | =everyone | =you) ...3",
        "before",
    ),
    context(
        OTHERS,
        "grief",
        "(=he | =she | =they | friend | brother | sister | mother | father | mum | dad | son | daughter | "
        "cousin | uncle | aunt | grandma | grandpa | partner | husband | wife | neighbour | colleague) ...4 "
        "(=died | =passed | =killed | =took | =lost | =committed) | (his funeral | her funeral | their funeral | =grief | =grieving | =mourning "
        "| =memorial | miss him | miss her | died by suicide | took his own | took her own | took their own | "
        "killed (himself | herself | themselves) | lost (my | a | our) ...2 (friend | brother | sister | "
        "mother | father | mum | dad | son | daughter | cousin | partner | husband | wife | colleague))",
        "sentence",
    ),
    context(
        OTHERS,
        "helping someone",
        "(how | what) ...3 (help | support | say to | talk to | respond to) ...4 "
        "(someone | somebody | friend | person | people | a member | others | who)",
        "sentence",
    ),
    context(
        TOPIC,
        "news",
        "(news | article | articles | report | reports | study | studies | research | "
        "researchers | statistics | stats | =rate | =rates | survey | percent | per cent | "
        "prevention | awareness | campaign | documentary | podcast | episode | lyrics | novel | "
        "course | training | lecture | seminar | hotline | helpline | charity | mental health first aid "
        "| workshop | risk factors | warning signs | headline | journalist | newspaper | programme | "
        "according to | =researchers | =experts | =survivors | =attempts)",
        "sentence",
    ),
    context(
        TOPIC,
        "crisis plan",
        "(crisis plan | safety plan | my plan | the plan | care plan | crisis card | "
        "coping plan | plan section | toolbox | crisis team) ...6",
        "sentence",
    ),
    context(
        QUESTION,
        "question",
        "(how do | how can | what do | what should | what is | where can | where do | "
        "is it | can i | could i | should i | do i | does anyone | has anyone | anyone else | do you | "
        "is there | are there | what are | why do | why does | how does | how often) ...8",
        "sentence",
    ),
    context(
        HYPOTHETICAL,
        "if",
        "(if | whenever | in case | should i ever | when i feel | when the thoughts | "
        "in the event) ...10 (call | ring | contact | text | reach out | tell | talk | go to | use | open | "
        "look at | follow | read)",
        "sentence",
    ),
    context(FIGURE, "kill for", "(could | would) (kill | murder | die) for", "span"),
    context(
        FIGURE,
        "dying to",
        "(dying | die | died | dead) (to | for | of) (see | know | try | meet | hear | "
        "go | get | embarrassment | boredom | laughter | laughing | curiosity | a coffee | a drink | a "
        "cigarette | a smoke | a nap | some food | pizza)",
        "span",
    ),
    context(
        FIGURE,
        "killed me",
        "(killed | killing | kill | kills) (me | it | us) ...2 (lol | haha | =lmao | "
        "=lmfao | =xd | =rofl | laughing | hilarious | funny | joke | with laughter | too)",
        "span",
    ),
    context(
        FIGURE,
        "joke killed",
        "(joke | jokes | laugh | laughing | funny | hilarious | comedy | that | this "
        "| show | episode | meme | gym | workout | run | hike | shoes | heels | commute | traffic | deadline "
        "| exam | exams | homework | week | day | job | boss | kids | cold | flu | hangover | back | knees | "
        "feet | legs | heat | weather | queue) ...3 (killing | kill | killed | murder | kills | is murder | "
        "was murder | will be the death of) ...2 (me)?",
        "span",
    ),
    context(
        FIGURE,
        "kill time",
        "(kill | killing | killed) (time | the time | an hour | a few hours | some time "
        "| the lights | the engine | the music | the mood | the vibe | it | weeds | bugs | spiders | plants | "
        "the plant | the battery | a bottle | the bottle | the conversation)",
        "span",
    ),
    context(FIGURE, "dead tired", "(dead | half dead) (tired | beat | serious | on my feet | inside lol)", "span"),
    context(
        FIGURE, "to death", "(bored | scared | worried | tickled | freezing | frozen | loved | sick) to death", "span"
    ),
    context(
        FIGURE,
        "die laughing",
        "(die | died | dying | dead) (of | from | with) (laughter | laughing | "
        "embarrassment | shame | cringe | boredom | heat | cuteness)",
        "span",
    ),
    context(
        FIGURE,
        "game",
        "(game | games | gaming | =character | =boss | =level | zombie | zombies | =player | =players | sims | "
        "minecraft | fortnite | movie | film | book | novel | series | episode | battery | phone | laptop | "
        "plant | plants | villain | hero | =npc | =npcs | chess | =dnd | =campaign)",
        "clause",
    ),
    context(
        SELF_TALK,
        "taking a break",
        "(for a bit | for a while | a break | focus on myself | see you soon | "
        "i am leaving | i will leave | i will be back | be back soon)",
        "sentence",
    ),
    context(
        SELF_TALK,
        "someone not here",
        "(my | his | her | our) (friend | sister | brother | mum | mom | dad | "
        "boss | colleague | partner | husband | wife | cat | dog | neighbour | son | daughter) (is | was | s | can "
        "be) (such | so | a | an | being)?",
        "before",
    ),
    context(FIGURE, "if it kills me", "(even )? if it (kills | killed) me", "span"),
    context(
        NEGATION, "said no", "(i said no | i answered no | said no and | and said no | the answer was no)", "sentence"
    ),
    context(
        FIGURE,
        "medicine as used",
        "(headache | migraine | toothache | period pain | fever | a cold | the flu | "
        "back pain | for the pain | as prescribed | like the doctor said | feeling better)",
        "sentence",
    ),
    context(FIGURE, "joking", "(=jk | =jokes | =joking | just kidding | =kidding)", "clause"),
    context(
        FIGURE,
        "nearly killed myself",
        "(nearly | almost) (killed | kill) (myself | me) ...4 (on | with | "
        "falling | slipping | tripping | by | ice | bike | stairs | laughing)",
        "span",
    ),
    context(
        FIGURE,
        "accident",
        "(oven | stove | cooking | pan | kettle | iron | tray | accident | accidentally | "
        "by accident | nothing serious | slipped | tripped | football | hiking | climbing | the gym)",
        "sentence",
    ),
    context(
        FIGURE,
        "goodbye card",
        "(goodbye | farewell | leaving) (card | party | gift | present | lunch | drinks | speech | cake | do)",
        "span",
    ),
    context(
        PAST,
        "felt that way too",
        "(felt | feel | been | was) ...2 (that way | the same | there) (too | myself | before)",
        "sentence",
    ),
    context(
        OTHERS,
        "travel",
        "(off to | no phone signal | no signal | offline | travelling | traveling | cabin trip)",
        "sentence",
    ),
    context(
        QUOTE,
        "told me",
        "(told | tell | telling | tells | said | say | says | saying | called | call | "
        "calls | calling | heard | hear | asked | yelled | shouted | wrote | writes | keeps telling) (me | "
        "us | him | her | them | my | people | everyone)? ...3 (to | i | i am | i was | that | me | =a | =an "
        "| =you | that i)",
        "before",
    ),
    context(
        QUOTE,
        "quotes",
        "(quote | quotes | quoting | comments like | phrases like | words like | things "
        "like | stuff like | being told | was told | were told | get told | gets told | the phrase | the "
        "word | the words | hurtful | hurt me | hurts | unhelpful | stigma | stigmatising | stigmatizing | "
        "do not say | never say | stop saying | please do not)",
        "sentence",
    ),
    context(
        SELF_TALK,
        "about myself",
        "(i am | i am | i feel | i feel like | i was | i have been | i am such | i "
        "felt | me | myself | i call myself | i keep telling myself | i tell myself | my inner critic | "
        "inner voice | i am being | i am so)",
        "before",
    ),
    context(OWN_PLAN, "with my doctor", "(my | our) ...2 {doctor} ...8", "sentence"),
    context(
        OWN_PLAN,
        "with my doctor, after",
        "(i | i am | i have | i am | we | me) ...8 (with | my | the) {doctor}",
        "sentence",
    ),
    context(
        ADVICE_OK,
        "talk to doctor",
        "(talk | speak | ask | check | discuss | consult | call | contact | "
        "see | go to | work with) ...2 (to | with)? (your | a | the) ...2 {doctor}",
        "sentence",
    ),
    context(
        ADVICE_OK,
        "never stop without",
        "(never | do not | do not | please do not | dont) ...3 (stop | "
        "quit | change | mix) ...4 (without | on your own | alone | suddenly | cold turkey | abruptly)",
        "sentence",
    ),
)
