META
key;value
budget;10,5
vote_type;scoring
PROJECTS
project_id;cost;name
1;"2.5";"a ""quoted""; name"
2;3;b
VOTES
voter_id;vote;points
v;1,2;3,-1
