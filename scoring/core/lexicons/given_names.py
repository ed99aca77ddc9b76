"""Common given names (German, English and frequent in both countries' workforces), lower-case.

A known given name vouches that two capitalised words are a person's name where nothing else does: the
plain "Stefan Brackmann, 10. Oktober 2022" under a title is a byline, "New York, 12. März" and "Sankt
Augustin, 10.12.2025" are datelines. Not a complete list — a name missing here loses only that one cue.
"""

from __future__ import annotations

GIVEN_NAMES = frozenset(
    """
    aaron adam adrian agnes alexander alexandra alfred ali alice alina amelie andrea andreas andrew angela
    angelika anja anke ann anna anne annette anton antonia arne arno astrid axel barbara bastian beate ben
    benedikt benjamin bernd bernhard bettina bianca birgit bjorn björn brian brigitte bruno carina carl
    carla carmen carolin caroline carsten charles charlotte chris christa christian christiane christina
    christine christoph christopher claudia claus clemens cornelia corinna dagmar daniel daniela david
    dennis detlef diana dieter dietmar dirk dominik doris dorothea edith elena elias elisabeth elke ella
    ellen emily emma eric erich erik erika ernst eva fabian felix florian frank franz franziska frederik
    friedrich fritz gabriele georg george gerd gerhard gisela gregor gudrun guido gunnar günter günther
    hanna hannah hannes hans harald heike heiko heinrich heinz helena helga helmut henning henrik herbert
    hermann hildegard holger horst hubert ida ilse ines ingo ingrid irene iris isabel isabella isabelle
    jack jakob james jan jana jane janina jannik jasmin jennifer jens jessica joachim jochen johann
    johanna johannes john jonas jonathan josef joseph julia julian juliane julius jörg jürgen kai karin
    karl karola katharina kathrin katja katrin kerstin kevin kim klaus konrad kristina lara lars laura
    lea lena leon leonie lisa lorenz louis lucas luca lucy ludwig luisa luise lukas lutz luka magdalena
    maik manfred manuel manuela marc marcel marco marcus maren margarete maria marie marina mario marion
    mark markus marlene martha martin martina mary mathias matthias max maximilian melanie meike mia
    michael michaela michelle mike monika moritz nadine nadja natalie nicole niklas nico nicolas nils
    nina noah norbert olaf oliver oskar otto pascal patrick paul paula peter petra philipp pia rainer
    ralf ralph regina reinhard renate richard robert robin roland rolf ronja rudolf ruth sabine sabrina
    sandra sara sarah sascha sebastian simon simone sophia sophie stefan stefanie steffen stephan
    stephanie susanne sven svenja sylvia tanja theresa thomas thorsten tim timo tobias tom torsten ulrich
    ulrike ursula uta ute uwe valentin vanessa vera verena viktor viktoria volker walter werner wilhelm
    wolfgang yvonne


    alan albert alex alison amanda amy andy anthony ashley barry ben beth betty bill bob brandon brenda
    carol catherine chloe claire colin craig dan darren dave deborah denise derek donald donna doug
    edward eleanor elizabeth emma eric evan frances gareth gary gemma grace graham greg hannah harry
    heather helen henry ian jacob jake jamie jason jeff jeffrey jennifer jeremy jessica jill jim joan joe
    jonathan jordan joshua joyce judith julie justin karen kate katherine kathleen kathryn keith kelly
    kenneth kevin kyle laura lauren linda lisa liam lily louise lucy luke margaret mark matthew megan
    melissa michelle mike natalie neil nicholas nick nicola olivia owen pamela patricia rachel rebecca
    richard rob ronald rose russell ryan samantha samuel sandra scott sean sharon simon sophie stephen
    steve steven stuart susan teresa thomas timothy tony tracy victoria william zoe
    """.split()
)
