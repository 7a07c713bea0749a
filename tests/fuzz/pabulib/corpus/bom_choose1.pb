META
key;value
vote_type;choose-1
budget;1
PROJECTS
project_id;cost
x;1

VOTES
voter_id;vote
1;x