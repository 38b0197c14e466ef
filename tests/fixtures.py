"""Fictional articles written for the tests (no real outlet, no seed or corpus text)."""

from __future__ import annotations

BRIDGE = """The old rail bridge over the Venn river in the fictional town of Larrow collapsed \
on Tuesday night, the town council said, cutting the only rail link to the coast.

Council spokeswoman Maren Oduya said nobody was on the bridge when two of its spans fell \
into the water shortly after midnight. Engineers had closed the line a week earlier after \
inspectors found cracks in a pier.

"We are lucky this happened at night," Oduya told reporters. The regional transport \
authority said replacement buses would run between Larrow and the coast from Thursday.
"""

BRIDGE_2 = """Two spans of the rail bridge across the Venn at Larrow fell into the river \
overnight into Wednesday, council officials said, severing the town's rail link to the coast.

According to council spokeswoman Maren Oduya, the line had been shut for a week after cracks \
were found in a pier, and no one was hurt. Replacement buses will run from Thursday, the \
regional transport authority said.
"""

ELECTION = """Voters in the fictional province of Qestria re-elected governor Tomas Halloran \
on Sunday with 54 percent of the vote, the provincial electoral board announced on Monday.

Halloran's rival, the former mayor Ilse Varga, conceded defeat in a short speech and called \
for calm. Turnout was 61 percent, the board said, the highest in two decades.
"""

FRENCH = """Le conseil municipal de la ville imaginaire de Larrow a annoncé mardi soir que le \
vieux pont ferroviaire s'était effondré dans la rivière. Personne n'a été blessé, selon la \
porte-parole du conseil, et des bus de remplacement circuleront à partir de jeudi.
"""
