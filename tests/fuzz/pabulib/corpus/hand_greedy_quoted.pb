META
key;value
description;"A hand-made election; quoted"
country;Nowhere
unit;Test
instance;2026
num_projects;4
num_votes;5
budget;100,5
vote_type;approval
rule;greedy
date_begin;01.01.2026
date_end;02.01.2026

PROJECTS
project_id;cost;votes;name;selected
A1;60;4;"Park; benches and ""shade""";1
B2;50.5;3;Library books;0
C3;40.5;2;"Lights; street";1
D4;999999999;1;Withdrawn;0
VOTES
voter_id;vote
v1;A1,B2
v2;A1,B2,C3
v3;A1,C3
v4;A1,B2
v5;D4